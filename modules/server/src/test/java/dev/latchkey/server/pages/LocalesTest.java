package dev.latchkey.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalesTest {

    @Test
    void fromUiLocalesWhenFirstTagSupportedThenIt() {
        assertEquals(Optional.of(Locale.GERMAN), Locales.fromUiLocales("de-CH en"));
    }

    @Test
    void fromUiLocalesWhenFirstTagsUnsupportedThenTheFirstSupportedOne() {
        assertEquals(Optional.of(Locale.ENGLISH), Locales.fromUiLocales("fr-CA  ja en-GB de"));
    }

    @Test
    void fromUiLocalesWhenNoneSupportedMalformedOrAbsentThenEmpty() {
        assertEquals(Optional.empty(), Locales.fromUiLocales("fr ja"));
        assertEquals(Optional.empty(), Locales.fromUiLocales("%%% 12345"));
        assertEquals(Optional.empty(), Locales.fromUiLocales(""));
        assertEquals(Optional.empty(), Locales.fromUiLocales(null));
    }

    @Test
    void fromUiLocalesWhenTooLongThenIgnored() {
        assertEquals(Optional.empty(), Locales.fromUiLocales("de " + "x".repeat(300)));
    }
}

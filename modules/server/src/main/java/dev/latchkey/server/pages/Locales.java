package dev.latchkey.server.pages;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** Picks the page language from {@code Accept-Language} among the bundled ones. */
public final class Locales {

    /** The languages the page bundle has; English is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Locales() {
    }

    public static Locale of(HttpHeaders headers) {
        for (Locale wanted : headers.getAcceptableLanguages()) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}

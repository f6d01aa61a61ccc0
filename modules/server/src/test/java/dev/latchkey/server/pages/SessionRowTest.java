package dev.latchkey.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.session.api.ApproximatePlace;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SessionRowTest {

    @Test
    void placeLabelWhenCityAndCountryThenBothWithTheCountryInThePagesLanguage() {
        ApproximatePlace berlin = new ApproximatePlace("Berlin", "Land Berlin", "DE");

        assertEquals("Berlin, Germany", SessionRow.placeLabel(berlin, Locale.ENGLISH));
        assertEquals("Berlin, Deutschland", SessionRow.placeLabel(berlin, Locale.GERMAN));
    }

    @Test
    void placeLabelWhenNoCityThenTheRegion() {
        assertEquals("Bavaria, Germany",
                SessionRow.placeLabel(new ApproximatePlace(null, "Bavaria", "DE"), Locale.ENGLISH));
    }

    @Test
    void placeLabelWhenTheCountryCodeIsUnknownOrMalformedThenTheCodeAsIs() {
        assertEquals("Somewhere, QQ",
                SessionRow.placeLabel(new ApproximatePlace("Somewhere", null, "QQ"), Locale.ENGLISH));
        assertEquals("Town, not-a-code",
                SessionRow.placeLabel(new ApproximatePlace("Town", null, "not-a-code"), Locale.ENGLISH));
    }

    @Test
    void placeLabelWhenNothingIsKnownThenNull() {
        assertNull(SessionRow.placeLabel(new ApproximatePlace(null, null, null), Locale.ENGLISH));
    }
}

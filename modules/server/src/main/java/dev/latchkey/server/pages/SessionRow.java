package dev.latchkey.server.pages;

import dev.latchkey.session.api.ApproximatePlace;
import dev.latchkey.session.api.SsoSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One session as the account page shows it, in the page's language: the device, the approximate
 * place ("Berlin, Germany"; null when unknown), the IP address, when it was last seen (UTC, as the
 * server knows no time zone of the user) and whether it is this browser's.
 *
 * @param device       the device label; null when the session has none (the page says "unknown device")
 * @param lastSeenIso  the last-seen instant in ISO 8601, for {@code <time datetime>}
 */
public record SessionRow(String id, String device, String place, String ipAddress, String lastSeen,
                         String lastSeenIso, boolean current) {

    public static SessionRow of(SsoSession session, boolean current, Optional<ApproximatePlace> place,
                                Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZoneOffset.UTC);
        return new SessionRow(session.id(), session.deviceLabel(),
                place.map(known -> placeLabel(known, locale)).orElse(null), session.ipAddress(),
                format.format(session.lastSeenAt()) + " UTC", session.lastSeenAt().toString(), current);
    }

    /** The city (or, without one, the region) and the country's name in the page's language. */
    static String placeLabel(ApproximatePlace place, Locale locale) {
        String locality = place.city() != null ? place.city() : place.region();
        String label = Stream.of(locality, countryName(place.countryCode(), locale))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return label.isEmpty() ? null : label;
    }

    private static String countryName(String countryCode, Locale locale) {
        if (countryCode == null) {
            return null;
        }
        try {
            String name = new Locale.Builder().setRegion(countryCode).build().getDisplayCountry(locale);
            return name.isEmpty() ? countryCode : name;
        } catch (IllformedLocaleException notACountryCode) {
            return countryCode;
        }
    }
}

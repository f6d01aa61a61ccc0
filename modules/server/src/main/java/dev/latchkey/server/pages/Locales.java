package dev.latchkey.server.pages;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the page language among the bundled ones: the first supported tag of the request's
 * {@code ui_locales} (OIDC Core §3.1.2.1, space-separated BCP 47 tags), then
 * {@code Accept-Language}, then English.
 */
public final class Locales {

    /** The languages the page bundle has; English is the fallback. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Locales() {
    }

    /** The longest {@code ui_locales} looked at; a longer one is ignored. */
    static final int MAX_UI_LOCALES_LENGTH = 255;

    public static Locale of(HttpHeaders headers) {
        return of(headers, null);
    }

    /** {@code uiLocales} may be null, malformed or name no supported language: then as {@link #of(HttpHeaders)}. */
    public static Locale of(HttpHeaders headers, String uiLocales) {
        return fromUiLocales(uiLocales).orElseGet(() -> fromHeaders(headers));
    }

    /** The first supported language of {@code ui_locales}. */
    static Optional<Locale> fromUiLocales(String uiLocales) {
        if (uiLocales == null || uiLocales.length() > MAX_UI_LOCALES_LENGTH) {
            return Optional.empty();
        }
        for (String tag : uiLocales.split(" ")) {
            String language = Locale.forLanguageTag(tag).getLanguage();
            for (Locale supported : SUPPORTED) {
                if (!language.isEmpty() && supported.getLanguage().equals(language)) {
                    return Optional.of(supported);
                }
            }
        }
        return Optional.empty();
    }

    private static Locale fromHeaders(HttpHeaders headers) {
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

package dev.latchkey.oauth.internal.protocol;

import java.util.Optional;

/**
 * Reads the credentials of an {@code Authorization} header for one scheme. RFC 9110 §11.1: the
 * scheme is case-insensitive and separated from the credentials by whitespace.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-11.4">RFC 9110 §11.4</a>
 */
public final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    /** The credentials after {@code scheme} (trimmed), empty when the header is absent or of another scheme. */
    public static Optional<String> credentials(String header, String scheme) {
        if (header == null || header.length() <= scheme.length()
                || !header.regionMatches(true, 0, scheme, 0, scheme.length())
                || header.charAt(scheme.length()) != ' ') {
            return Optional.empty();
        }
        return Optional.of(header.substring(scheme.length() + 1).trim());
    }
}

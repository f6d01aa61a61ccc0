package dev.latchkey.oauth.internal.resource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The shape RFC 8707 §2 gives a resource identifier: an absolute URI without a fragment, here
 * also at most {@value #MAX_LENGTH} characters. Shared by the {@code resource} parameter and the
 * registration of resource servers, so that every registered identifier can be requested.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
final class ResourceIdentifiers {

    static final int MAX_LENGTH = 2048;

    private ResourceIdentifiers() {
    }

    /** Why {@code value} is not a resource identifier, or empty when it is one. */
    static Optional<String> problem(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of("a resource identifier is required");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of("a resource identifier is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return Optional.of("'" + value + "' is not a URI");
        }
        // RFC 8707 §2: the value MUST be an absolute URI and MUST NOT include a fragment component
        if (!uri.isAbsolute()) {
            return Optional.of("'" + value + "' is not an absolute URI");
        }
        if (uri.getRawFragment() != null || value.contains("#")) {
            return Optional.of("'" + value + "' has a fragment");
        }
        return Optional.empty();
    }
}

package dev.latchkey.oauth.internal.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code client_id} that is a client identifier URL: https, with a host and a path, without
 * fragment, user info or dot segments (draft-ietf-oauth-client-id-metadata-document §3), and at
 * most {@value #MAX_LENGTH} characters (the length of a client id column). In the dev mode an
 * {@code http} URL on a loopback IP literal passes too. No stored client id can look like this:
 * {@link ClientValidator} allows neither {@code :} nor {@code /}.
 */
final class ClientIdUrl {

    static final int MAX_LENGTH = 255;
    private static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");

    private ClientIdUrl() {
    }

    /** True when the client id is meant as a URL (and so is never a stored client's). */
    static boolean isUrl(String clientId) {
        return clientId.startsWith("https://") || clientId.startsWith("http://");
    }

    /** The URL when {@code clientId} is a valid client identifier URL, else empty. */
    static Optional<URI> parse(String clientId, boolean allowHttpLoopback) {
        if (clientId.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(clientId);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String path = uri.getRawPath();
        boolean https = "https".equals(uri.getScheme());
        boolean devLoopback = allowHttpLoopback && "http".equals(uri.getScheme())
                && LOOPBACK_IPS.contains(uri.getHost());
        if (!(https || devLoopback) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null || path == null || path.isEmpty()
                || Arrays.stream(path.split("/")).anyMatch(segment -> segment.equals(".") || segment.equals(".."))) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}

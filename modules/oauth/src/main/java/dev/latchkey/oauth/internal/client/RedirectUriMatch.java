package dev.latchkey.oauth.internal.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Whether a requested redirect URI is one a client registered: exact string equality (RFC 9700
 * §2.1), except that for an {@code http} loopback IP literal ({@code 127.0.0.1} or {@code [::1]})
 * the port is ignored, because a native app listens on whatever port the operating system gave
 * it (RFC 8252 §7.3). {@code localhost} gets no such allowance: RFC 8252 §8.3 calls it NOT
 * RECOMMENDED, since a name can resolve to a non-loopback interface, so it matches exactly.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8252#section-7.3">RFC 8252 §7.3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1">RFC 9700 §2.1</a>
 */
public final class RedirectUriMatch {

    private static final Set<String> LOOPBACK_IPS = Set.of("127.0.0.1", "[::1]");

    private RedirectUriMatch() {
    }

    /** True when {@code requested} is one of {@code registered} by the rules above. */
    public static boolean isRegistered(String requested, List<String> registered) {
        if (registered.contains(requested)) {
            return true;
        }
        URI request = loopback(requested);
        return request != null && registered.stream().map(RedirectUriMatch::loopback).filter(Objects::nonNull)
                .anyMatch(uri -> withoutPort(uri).equals(withoutPort(request)));
    }

    /** The URI when it is {@code http} on a loopback IP literal, else null. */
    private static URI loopback(String value) {
        try {
            URI uri = new URI(value);
            // exact, case-sensitive scheme and host: anything unusual falls back to string equality
            return "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK_IPS.contains(uri.getHost())
                    && uri.getRawUserInfo() == null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String withoutPort(URI uri) {
        return Objects.toString(uri.getRawPath(), "") + "?" + Objects.toString(uri.getRawQuery(), "")
                + "#" + Objects.toString(uri.getRawFragment(), "") + "@" + uri.getHost();
    }
}

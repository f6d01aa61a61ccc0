package dev.latchkey.session.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cookie names: {@code __Host-} prefixed (which requires {@code Secure}) when the browser treats
 * the public URL as a secure context, i.e. https or a loopback host; plain names otherwise.
 */
final class CookieNames {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private CookieNames() {
    }

    static boolean secureContext(URI publicUrl) {
        String host = publicUrl.getHost() == null ? "" : publicUrl.getHost().toLowerCase(Locale.ROOT);
        return "https".equalsIgnoreCase(publicUrl.getScheme()) || LOOPBACK.contains(host);
    }

    static String name(String base, boolean secureContext) {
        return secureContext ? "__Host-" + base : base;
    }
}

package dev.latchkey.session.internal;

import java.util.Map;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * A short human label of a browser and its system, such as "Chrome on Linux", from its
 * {@code User-Agent}, by ua-parser's rules (uap-java: the uap-core regexes many log and analytics
 * tools share). Parsed once per login, never per request: the rules load once (about a third of
 * a second, at the first login) and a parse costs a millisecond or two. A label, not an
 * identification: user agents lie, and nothing is decided on it.
 */
final class DeviceLabels {

    static final String UNKNOWN = "Unknown device";
    private static final String OTHER = "Other";
    /** uap-core's family names where people know another. */
    private static final Map<String, String> DISPLAY_NAMES = Map.of("Mac OS X", "macOS", "Mobile Safari", "Safari",
            "Chrome Mobile", "Chrome", "Chrome Mobile iOS", "Chrome", "Firefox Mobile", "Firefox", "Firefox iOS",
            "Firefox", "Edge Mobile", "Edge");

    /** Loaded at first use, not when the class is. */
    private static final class Rules {
        static final Parser PARSER = new Parser();
    }

    private DeviceLabels() {
    }

    /** "Browser on System", the browser or the system alone when only one is known, else {@value #UNKNOWN}. */
    static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        Client client = Rules.PARSER.parse(userAgent);
        String browser = name(client.userAgent == null ? null : client.userAgent.family);
        String system = name(client.os == null ? null : client.os.family);
        if (browser == null && system == null) {
            return UNKNOWN;
        }
        if (browser == null || system == null) {
            return browser == null ? system : browser;
        }
        return browser + " on " + system;
    }

    private static String name(String family) {
        if (family == null || family.isBlank() || OTHER.equals(family)) {
            return null;
        }
        return DISPLAY_NAMES.getOrDefault(family, family);
    }
}

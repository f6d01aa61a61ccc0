package dev.latchkey.session.internal;

import java.util.List;

/**
 * A short human label of a browser and its system, such as "Chrome on Linux", from its
 * {@code User-Agent}: a few ordered rules of the browsers and systems people log in with (the
 * first token that matches wins, so "Edg/" is tested before "Chrome/", which Edge also sends).
 * A label, not an identification: user agents lie, and nothing is decided on it.
 */
final class DeviceLabels {

    private record Rule(String token, String name) {
    }

    private static final List<Rule> BROWSERS = List.of(
            new Rule("Edg", "Edge"),
            new Rule("OPR/", "Opera"),
            new Rule("SamsungBrowser/", "Samsung Internet"),
            new Rule("Vivaldi/", "Vivaldi"),
            new Rule("Firefox/", "Firefox"),
            new Rule("FxiOS/", "Firefox"),
            new Rule("CriOS/", "Chrome"),
            new Rule("Chromium/", "Chromium"),
            new Rule("Chrome/", "Chrome"),
            new Rule("Safari/", "Safari"),
            new Rule("curl/", "curl"),
            new Rule("Java-http-client/", "Java HTTP client"));

    private static final List<Rule> SYSTEMS = List.of(
            new Rule("Windows", "Windows"),
            new Rule("iPhone", "iOS"),
            new Rule("iPad", "iPadOS"),
            new Rule("Android", "Android"),
            new Rule("CrOS", "ChromeOS"),
            new Rule("Mac OS X", "macOS"),
            new Rule("Macintosh", "macOS"),
            new Rule("Linux", "Linux"));

    static final String UNKNOWN = "Unknown device";

    private DeviceLabels() {
    }

    /** "Browser on System", "Browser" or "System" alone when only one is known, else {@value #UNKNOWN}. */
    static String of(String userAgent) {
        String browser = first(BROWSERS, userAgent);
        String system = first(SYSTEMS, userAgent);
        if (browser == null && system == null) {
            return UNKNOWN;
        }
        if (browser == null || system == null) {
            return browser == null ? system : browser;
        }
        return browser + " on " + system;
    }

    private static String first(List<Rule> rules, String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return rules.stream().filter(rule -> userAgent.contains(rule.token())).map(Rule::name).findFirst().orElse(null);
    }
}

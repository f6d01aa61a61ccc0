package dev.latchkey.server.pages;

/**
 * Where the login page sends the browser afterwards: only a path on this server, so the page
 * cannot be used as an open redirect.
 */
public final class ReturnTo {

    static final int MAX_LENGTH = 8192;
    /** Where to go when nothing (valid) was asked for. */
    public static final String DEFAULT = "/login";

    private ReturnTo() {
    }

    /** The given target when it is a local path, otherwise {@link #DEFAULT}. */
    public static String sanitize(String target) {
        if (target == null || target.isEmpty() || target.length() > MAX_LENGTH) {
            return DEFAULT;
        }
        boolean localPath = target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\");
        boolean plainCharacters = target.chars().noneMatch(c -> c < 0x21 || c == '\\' || c > 0x7E);
        return localPath && plainCharacters ? target : DEFAULT;
    }

    /** True when a target was given and it is acceptable. */
    public static boolean isValid(String target) {
        return target != null && sanitize(target).equals(target);
    }
}

package dev.latchkey.identity.internal.credential;

/**
 * How long a password is, in Unicode code points (NIST SP 800-63B counts characters, not
 * UTF-16 units), and the fixed maximum: Argon2's cost grows with its input, so a longer
 * password is refused before it is ever hashed.
 */
public final class PasswordLength {

    /** The longest password accepted, in characters. */
    public static final int MAX = 256;

    private PasswordLength() {
    }

    /** True when the password has more than {@link #MAX} characters. */
    public static boolean isTooLong(String password) {
        // the cheap check first, so that a huge input is never scanned for code points
        return password.length() > 2 * MAX || characters(password) > MAX;
    }

    /** The number of characters (code points) of a password. */
    public static int characters(String password) {
        return password.codePointCount(0, password.length());
    }
}

package dev.latchkey.identity.internal.credential;

/**
 * The outcome of checking a password against a stored hash: whether it matched, and whether the
 * stored hash should be replaced by a fresh one (other Argon2id parameters, or an imported bcrypt).
 */
public record PasswordCheck(boolean matches, boolean rehashNeeded) {

    /** A password that did not match (or could not be checked). */
    public static final PasswordCheck MISMATCH = new PasswordCheck(false, false);
}

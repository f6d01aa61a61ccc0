package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.SecureTokens;

/**
 * Client secrets: generated ones are 256 random bits; provided ones must have at least 32
 * characters; only their SHA-256 is stored.
 *
 * <p>Why SHA-256 and not Argon2id, which {@code identity} uses for passwords: a slow hash exists
 * to make guessing a low-entropy secret expensive. A generated client secret has 256 bits of
 * entropy, so SHA-256 of it cannot be reversed by brute force, slow hash or not. And the secret is
 * checked on every token request of a confidential client (the hot path), where Argon2id's
 * ~30 hashes per second per core would cap token issuance; SHA-256 costs microseconds.
 * Operator-provided secrets get a length floor instead, for the same reason.
 */
public final class ClientSecrets {

    /** The shortest secret an admin or the import may set. */
    public static final int MIN_LENGTH = 32;
    /** The longest secret an admin or the import may set. */
    public static final int MAX_LENGTH = 512;

    private ClientSecrets() {
    }

    /** A new 256-bit secret, base64url (43 characters). */
    public static String generate() {
        return SecureTokens.newToken();
    }

    /** What is stored instead of the secret. */
    public static String hash(String secret) {
        return SecureTokens.hash(secret);
    }

    /** True when {@code presented} is the secret behind {@code storedHash}, in constant time. */
    public static boolean matches(String presented, String storedHash) {
        return presented != null && SecureTokens.constantTimeEquals(hash(presented), storedHash);
    }
}

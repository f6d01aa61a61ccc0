package dev.latchkey.kernel.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * High-entropy bearer secrets (codes, refresh tokens, client secrets, session ids) and the
 * one-way hash they are stored as. A 256-bit random value needs no slow password hash: SHA-256
 * of it cannot be brute-forced, and a lookup by hash stays an index probe.
 */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SecureTokens() {
    }

    /** A new random token of 256 bits, base64url without padding (43 characters). */
    public static String newToken() {
        return newToken(32);
    }

    /** A new random token of {@code bytes} random bytes, base64url without padding. */
    public static String newToken(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL_ENCODER.encodeToString(value);
    }

    /** The SHA-256 of a token, base64url without padding: what is stored instead of the token. */
    public static String hash(String token) {
        return URL_ENCODER.encodeToString(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares two strings in time that depends only on their lengths. */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 of the given bytes. */
    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}

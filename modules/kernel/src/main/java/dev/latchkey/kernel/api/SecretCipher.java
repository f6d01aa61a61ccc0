package dev.latchkey.kernel.api;

/**
 * Encrypts secrets at rest (private signing keys, upstream tokens) with the master AEAD.
 * The {@code context} is authenticated but not encrypted: a ciphertext made for one context
 * (say {@code "oauth_signing_key:<kid>"}) does not decrypt in another.
 */
public interface SecretCipher {

    /** Encrypts and returns base64 text ready for a column. */
    String encrypt(byte[] plaintext, String context);

    /** Decrypts what {@link #encrypt} returned for the same context; throws if tampered with. */
    byte[] decrypt(String ciphertext, String context);
}

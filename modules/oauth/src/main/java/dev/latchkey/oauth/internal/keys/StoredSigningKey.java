package dev.latchkey.oauth.internal.keys;

import java.time.Instant;

/**
 * A signing key as stored: the public JWK JSON in clear, the private JWK JSON encrypted with the
 * master AEAD under the context {@code "oauth_signing_key:" + kid}.
 */
public record StoredSigningKey(String kid, String alg, String status, String publicJwk, String encryptedPrivateJwk,
                               Instant createdAt) {

    /** Signs new tokens; one per algorithm. */
    public static final String ACTIVE = "active";
}

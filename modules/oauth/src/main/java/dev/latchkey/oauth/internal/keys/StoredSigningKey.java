package dev.latchkey.oauth.internal.keys;

import java.time.Instant;

/**
 * A signing key as stored: the public JWK JSON in clear, the private JWK JSON encrypted with the
 * master AEAD under the context {@code "oauth_signing_key:" + kid}. Its life:
 * {@link #NEXT} (published, not signing) → {@link #ACTIVE} (signing; one per algorithm) →
 * {@link #RETIRED} (published and verifying until every token it signed has expired).
 */
public record StoredSigningKey(String kid, String alg, String status, String publicJwk, String encryptedPrivateJwk,
                               Instant createdAt, Instant activatedAt, Instant retiredAt) {

    /** Published in the JWKS ahead of signing, so relying parties have it cached when it starts to sign. */
    public static final String NEXT = "next";

    /** Signs new tokens; one per algorithm. */
    public static final String ACTIVE = "active";

    /** No longer signs; still published and verifying until the tokens it signed have expired. */
    public static final String RETIRED = "retired";

    /** A key never activated nor retired (or one stored before those times were recorded). */
    public StoredSigningKey(String kid, String alg, String status, String publicJwk, String encryptedPrivateJwk,
                            Instant createdAt) {
        this(kid, alg, status, publicJwk, encryptedPrivateJwk, createdAt, null, null);
    }
}

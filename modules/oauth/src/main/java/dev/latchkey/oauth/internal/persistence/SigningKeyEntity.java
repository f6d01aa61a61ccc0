package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code oauth_signing_key}; {@code privateJwk} is ciphertext. */
@Entity
@Table(name = "oauth_signing_key")
public class SigningKeyEntity {

    @Id
    @Column(name = "kid", length = 64)
    String kid;

    @Column(name = "alg", nullable = false, length = 16)
    String alg;

    @Column(name = "status", nullable = false, length = 16)
    String status;

    /** The alg while the key is active, null otherwise: unique, so one active key per alg. */
    @Column(name = "active_alg", unique = true, length = 16)
    String activeAlg;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    String publicJwk;

    @Column(name = "private_jwk", nullable = false, length = 16000)
    String privateJwk;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    /** When the key became active; null while next. */
    @Column(name = "activated_at")
    LocalDateTime activatedAt;

    /** When the key was retired; null until then. */
    @Column(name = "retired_at")
    LocalDateTime retiredAt;
}

package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code oauth_refresh_token}, keyed by the SHA-256 of the token. */
@Entity
@Table(name = "oauth_refresh_token")
public class RefreshTokenEntity {

    @Id
    @Column(name = "token_hash", length = 64)
    String tokenHash;

    @Column(name = "family_id", nullable = false, length = 36)
    String familyId;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "session_id", length = 64)
    String sessionId;

    @Column(name = "scope", nullable = false, length = 2000)
    String scope;

    @Column(name = "auth_time", nullable = false)
    LocalDateTime authTime;

    @Column(name = "amr", nullable = false)
    String amr;

    @Column(name = "issued_at", nullable = false)
    LocalDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    LocalDateTime expiresAt;

    @Column(name = "used_at")
    LocalDateTime usedAt;

    @Column(name = "revoked_at")
    LocalDateTime revokedAt;

    /** The RFC 8707 resources of the grant, space-separated; null when none. */
    @Column(name = "resources", length = 4000)
    String resources;

    /** What the authorization request asked of the claims (JSON); null when nothing. */
    @Column(name = "claims", length = 4000)
    String claims;
}

package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code oauth_initial_access_token}. */
@Entity
@Table(name = "oauth_initial_access_token")
public class InitialAccessTokenEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    String tokenHash;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    LocalDateTime expiresAt;

    @Column(name = "remaining", nullable = false)
    int remaining;
}

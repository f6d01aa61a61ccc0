package dev.latchkey.identity.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code identity_password}: the one password hash of a user. */
@Entity
@Table(name = "identity_password")
public class PasswordEntity {

    @Id
    @Column(name = "user_id", length = 36)
    private String userId;

    @Column(name = "hash", nullable = false, length = 512)
    private String hash;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected PasswordEntity() {
    }

    PasswordEntity(String userId, String hash, Instant updatedAt) {
        this.userId = userId;
        this.hash = hash;
        this.updatedAt = updatedAt;
    }

    String hash() {
        return hash;
    }

    void replace(String newHash, Instant at) {
        this.hash = newHash;
        this.updatedAt = at;
    }
}

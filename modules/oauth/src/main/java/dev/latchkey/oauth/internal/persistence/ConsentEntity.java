package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code oauth_consent}: one user's consent to one client. */
@Entity
@Table(name = "oauth_consent")
public class ConsentEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(name = "scope", nullable = false, length = 2000)
    String scope;

    @Column(name = "granted_at", nullable = false)
    LocalDateTime grantedAt;
}

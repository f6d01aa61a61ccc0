package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A row of {@code oauth_backchannel_logout_failure}: one logout token that was not delivered. */
@Entity
@Table(name = "oauth_backchannel_logout_failure")
public class BackChannelLogoutFailureEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "client_id", nullable = false)
    String clientId;

    @Column(name = "session_id", nullable = false, length = 128)
    String sessionId;

    @Column(name = "user_id", nullable = false, length = 36)
    String userId;

    @Column(name = "logout_uri", nullable = false, length = 2000)
    String logoutUri;

    @Column(name = "reason", nullable = false, length = 500)
    String reason;

    @Column(name = "failed_at", nullable = false)
    LocalDateTime failedAt;
}

package dev.latchkey.session.internal;

import dev.latchkey.session.api.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON form of a session in the ephemeral store (JSON-B maps this record): everything but the
 * bound clients, which are a set of their own. {@code cookieHash} is the SHA-256 of the cookie
 * value the session accepts now; a rotated-away value's pointer may outlive it, and is refused.
 * Times in epoch milliseconds, the login time in seconds (the ID token's {@code auth_time}).
 */
public record StoredSession(String id, String cookieHash, String userId, long authenticatedAt, List<String> amr,
                            String acr, long createdAt, long lastSeenAt, String ipAddress, String userAgent,
                            String deviceLabel, String deviceHash) {

    static StoredSession of(SsoSession session, String cookieHash) {
        return new StoredSession(session.id(), cookieHash, session.userId().toString(),
                session.authenticatedAt().getEpochSecond(), session.authenticationMethods(), session.acr(),
                session.createdAt().toEpochMilli(), session.lastSeenAt().toEpochMilli(), session.ipAddress(),
                session.userAgent(), session.deviceLabel(), session.deviceHash());
    }

    UUID user() {
        return UUID.fromString(userId);
    }

    Instant created() {
        return Instant.ofEpochMilli(createdAt);
    }

    Instant lastSeen() {
        return Instant.ofEpochMilli(lastSeenAt);
    }

    StoredSession seenAt(Instant now) {
        return new StoredSession(id, cookieHash, userId, authenticatedAt, amr, acr, createdAt, now.toEpochMilli(),
                ipAddress, userAgent, deviceLabel, deviceHash);
    }

    SsoSession toSession(Set<String> clientIds) {
        return new SsoSession(id, user(), Instant.ofEpochSecond(authenticatedAt), amr == null ? List.of() : amr, acr,
                created(), lastSeen(), clientIds, ipAddress, userAgent, deviceLabel, deviceHash);
    }
}

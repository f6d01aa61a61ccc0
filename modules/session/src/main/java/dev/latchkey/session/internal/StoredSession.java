package dev.latchkey.session.internal;

import dev.latchkey.session.api.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The JSON form of a session in the ephemeral store (JSON-B maps this record). */
public record StoredSession(String id, String userId, long authenticatedAt, List<String> amr, long createdAt,
                            long lastSeenAt) {

    static StoredSession of(SsoSession session) {
        return new StoredSession(session.id(), session.userId().toString(),
                session.authenticatedAt().getEpochSecond(), session.authenticationMethods(),
                session.createdAt().getEpochSecond(), session.lastSeenAt().getEpochSecond());
    }

    SsoSession toSession() {
        return new SsoSession(id, UUID.fromString(userId), Instant.ofEpochSecond(authenticatedAt), amr,
                Instant.ofEpochSecond(createdAt), Instant.ofEpochSecond(lastSeenAt));
    }
}

package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import dev.latchkey.session.api.SessionEndReason;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Published after a session ended, with why and the clients bound to it (so that back-channel
 * logout needs no lookup of a session that is gone). Refresh tokens bound to it stop working.
 * An expired session is reported when it is noticed, not when it expires (see the module's
 * package documentation); its {@code clientIds} may then be empty.
 */
public record SessionEnded(UUID eventId, Instant occurredAt, String sessionId, UUID userId, SessionEndReason reason,
                           Set<String> clientIds) implements DomainEvent {

    public SessionEnded {
        clientIds = Set.copyOf(clientIds);
    }

    public static SessionEnded now(String sessionId, UUID userId, SessionEndReason reason, Set<String> clientIds) {
        return new SessionEnded(UUID.randomUUID(), Instant.now(), sessionId, userId, reason, clientIds);
    }
}

package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a session ended (logout); refresh tokens bound to it stop working. */
public record SessionEnded(UUID eventId, Instant occurredAt, String sessionId, UUID userId) implements DomainEvent {
    public static SessionEnded now(String sessionId, UUID userId) {
        return new SessionEnded(UUID.randomUUID(), Instant.now(), sessionId, userId);
    }
}

package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a single-sign-on session started. */
public record SessionStarted(UUID eventId, Instant occurredAt, String sessionId, UUID userId) implements DomainEvent {
    public static SessionStarted now(String sessionId, UUID userId) {
        return new SessionStarted(UUID.randomUUID(), Instant.now(), sessionId, userId);
    }
}

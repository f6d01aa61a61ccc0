package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a new single-sign-on session started (not when a login rotates a live one). */
public record SessionStarted(UUID eventId, Instant occurredAt, String sessionId, UUID userId, String deviceLabel,
                             String ipAddress) implements DomainEvent {

    public static SessionStarted now(String sessionId, UUID userId, String deviceLabel, String ipAddress) {
        return new SessionStarted(UUID.randomUUID(), Instant.now(), sessionId, userId, deviceLabel, ipAddress);
    }
}

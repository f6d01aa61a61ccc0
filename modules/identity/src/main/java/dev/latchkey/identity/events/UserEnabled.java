package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a disabled user was enabled again and may log in. */
public record UserEnabled(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
    public static UserEnabled now(UUID userId) {
        return new UserEnabled(UUID.randomUUID(), Instant.now(), userId);
    }
}

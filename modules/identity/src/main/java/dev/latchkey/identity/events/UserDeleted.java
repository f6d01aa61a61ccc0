package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a user was deleted: every module drops what it keeps for that user. */
public record UserDeleted(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
    public static UserDeleted now(UUID userId) {
        return new UserDeleted(UUID.randomUUID(), Instant.now(), userId);
    }
}

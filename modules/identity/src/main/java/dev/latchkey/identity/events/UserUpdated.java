package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a user's profile or roles were changed (by an admin or the import). */
public record UserUpdated(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
    public static UserUpdated now(UUID userId) {
        return new UserUpdated(UUID.randomUUID(), Instant.now(), userId);
    }
}

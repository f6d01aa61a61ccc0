package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a user was created (by an admin, the import or the bootstrap). */
public record UserCreated(UUID eventId, Instant occurredAt, UUID userId, String username) implements DomainEvent {
    public static UserCreated now(UUID userId, String username) {
        return new UserCreated(UUID.randomUUID(), Instant.now(), userId, username);
    }
}

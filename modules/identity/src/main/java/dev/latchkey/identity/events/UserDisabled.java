package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a user was disabled: the user's sessions no longer authorize anything and refresh tokens are refused. */
public record UserDisabled(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
    public static UserDisabled now(UUID userId) {
        return new UserDisabled(UUID.randomUUID(), Instant.now(), userId);
    }
}

package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published after a user's password was set to a new one (not after a transparent re-hash of
 * the same password). Sessions and audit listen.
 */
public record PasswordChanged(UUID eventId, Instant occurredAt, UUID userId) implements DomainEvent {
    public static PasswordChanged now(UUID userId) {
        return new PasswordChanged(UUID.randomUUID(), Instant.now(), userId);
    }
}

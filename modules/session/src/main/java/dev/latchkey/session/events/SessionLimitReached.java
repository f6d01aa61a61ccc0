package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a login found the user at {@code latchkey.session.max-per-user} live sessions:
 * under {@code policy} {@code end-oldest} the oldest ended, under {@code refuse} the login was refused.
 */
public record SessionLimitReached(UUID eventId, Instant occurredAt, UUID userId, int limit, String policy)
        implements DomainEvent {

    public static SessionLimitReached now(UUID userId, int limit, String policy) {
        return new SessionLimitReached(UUID.randomUUID(), Instant.now(), userId, limit, policy);
    }
}

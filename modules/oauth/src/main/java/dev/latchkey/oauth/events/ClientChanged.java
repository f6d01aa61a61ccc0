package dev.latchkey.oauth.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published after a client was created, changed, given a new secret or deleted (by the admin API
 * or the declarative import). Every node's client cache and the audit trail listen.
 */
public record ClientChanged(UUID eventId, Instant occurredAt, String clientId, Change change) implements DomainEvent {

    /** What happened to the client. */
    public enum Change {
        CREATED, UPDATED, SECRET_ROTATED, DELETED
    }

    public static ClientChanged now(String clientId, Change change) {
        return new ClientChanged(UUID.randomUUID(), Instant.now(), clientId, change);
    }
}

package dev.latchkey.oauth.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published after the token endpoint issued tokens. {@code userId} is null for grants without
 * a user (client credentials).
 */
public record TokensIssued(UUID eventId, Instant occurredAt, String clientId, UUID userId, String grantType)
        implements DomainEvent {
    public static TokensIssued now(String clientId, UUID userId, String grantType) {
        return new TokensIssued(UUID.randomUUID(), Instant.now(), clientId, userId, grantType);
    }
}

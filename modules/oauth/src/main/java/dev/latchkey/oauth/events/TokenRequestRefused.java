package dev.latchkey.oauth.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after the token endpoint refused a request with an RFC 6749 §5.2 error code. */
public record TokenRequestRefused(UUID eventId, Instant occurredAt, String clientId, String grantType, String error)
        implements DomainEvent {
    public static TokenRequestRefused now(String clientId, String grantType, String error) {
        return new TokenRequestRefused(UUID.randomUUID(), Instant.now(), clientId, grantType, error);
    }
}

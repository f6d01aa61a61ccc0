package dev.latchkey.oauth.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a back-channel logout token could not be delivered to a client (after the
 * retries): the client may still consider the user signed in. Metrics count it; admins list the
 * failures per client.
 */
public record BackChannelLogoutFailed(UUID eventId, Instant occurredAt, String clientId, String sessionId,
                                      String reason) implements DomainEvent {

    public static BackChannelLogoutFailed now(String clientId, String sessionId, String reason) {
        return new BackChannelLogoutFailed(UUID.randomUUID(), Instant.now(), clientId, sessionId, reason);
    }
}

package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/** Published after a login submission was refused; {@code username} is as typed (the user may not exist). */
public record LoginFailed(UUID eventId, Instant occurredAt, String username, String reason,
                          String remoteAddress, String clientId) implements DomainEvent {
    public static LoginFailed now(String username, String reason, String remoteAddress, String clientId) {
        return new LoginFailed(UUID.randomUUID(), Instant.now(), username, reason, remoteAddress, clientId);
    }
}

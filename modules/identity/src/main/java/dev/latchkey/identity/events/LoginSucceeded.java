package dev.latchkey.identity.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Published after a user passed every step of the login chain. */
public record LoginSucceeded(UUID eventId, Instant occurredAt, UUID userId, List<String> authenticationMethods,
                             String remoteAddress, String clientId) implements DomainEvent {
    public static LoginSucceeded now(UUID userId, List<String> methods, String remoteAddress, String clientId) {
        return new LoginSucceeded(UUID.randomUUID(), Instant.now(), userId, List.copyOf(methods), remoteAddress, clientId);
    }
}

package dev.latchkey.session.events;

import dev.latchkey.kernel.api.DomainEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when a user logged in from a device (device cookie) not known for them while they
 * have other live sessions or known devices: worth telling the user about.
 *
 * @param otherLiveSessions how many other live sessions the user has
 */
public record NewDeviceLogin(UUID eventId, Instant occurredAt, UUID userId, String sessionId, String deviceLabel,
                             String ipAddress, int otherLiveSessions) implements DomainEvent {

    public static NewDeviceLogin now(UUID userId, String sessionId, String deviceLabel, String ipAddress,
                                     int otherLiveSessions) {
        return new NewDeviceLogin(UUID.randomUUID(), Instant.now(), userId, sessionId, deviceLabel, ipAddress,
                otherLiveSessions);
    }
}

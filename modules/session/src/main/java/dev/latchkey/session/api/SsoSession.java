package dev.latchkey.session.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A single-sign-on session. {@code id} is public (the ID token's {@code sid}); the cookie holds
 * a different, secret value, which changes at every login in the session while the id stays.
 *
 * @param authenticatedAt       the time of the session's latest login (the ID token's {@code auth_time})
 * @param authenticationMethods the methods of that login ({@code amr})
 * @param acr                   the authentication context class of that login; {@code null} when none
 * @param clientIds             the clients that got a code or tokens in this session
 * @param deviceLabel           a short human label of the device, such as "Chrome on Linux"
 * @param deviceHash            the SHA-256 of the device cookie's value and the user agent, to tell devices apart
 */
public record SsoSession(String id, UUID userId, Instant authenticatedAt, List<String> authenticationMethods,
                         String acr, Instant createdAt, Instant lastSeenAt, Set<String> clientIds,
                         String ipAddress, String userAgent, String deviceLabel, String deviceHash) {

    public SsoSession {
        authenticationMethods = List.copyOf(authenticationMethods);
        clientIds = Set.copyOf(clientIds);
    }
}

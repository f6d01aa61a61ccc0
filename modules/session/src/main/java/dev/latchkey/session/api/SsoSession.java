package dev.latchkey.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A single-sign-on session. {@code id} is public (the ID token's {@code sid}); the cookie holds
 * a different, secret value.
 */
public record SsoSession(String id, UUID userId, Instant authenticatedAt, List<String> authenticationMethods,
                         Instant createdAt, Instant lastSeenAt) {

    public SsoSession {
        authenticationMethods = List.copyOf(authenticationMethods);
    }
}

package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Instant;
import java.util.List;

/**
 * What a token response is issued for: a client, the user (null for client credentials), the
 * granted scope, and what the ID token reports of the authentication: when, how, in which
 * session, with which nonce (each null when unknown or absent).
 */
public record TokenGrant(RegisteredClient client, UserView user, Scope scope, Instant authTime,
                         List<String> authenticationMethods, String sessionId, String nonce) {

    public TokenGrant {
        authenticationMethods = authenticationMethods == null ? List.of() : List.copyOf(authenticationMethods);
    }

    /** A grant without a user: the client acts for itself. */
    public static TokenGrant forClient(RegisteredClient client, Scope scope) {
        return new TokenGrant(client, null, scope, null, List.of(), null, null);
    }

    public boolean hasUser() {
        return user != null;
    }
}

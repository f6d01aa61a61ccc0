package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Instant;
import java.util.List;

/**
 * What a token response is issued for: a client, the user (null for client credentials), the
 * granted scope, what the ID token reports of the authentication: when, how, in which
 * session, with which nonce (each null when unknown or absent), and what the authorization
 * request asked of the claims.
 */
public record TokenGrant(RegisteredClient client, UserView user, Scope scope, Instant authTime,
                         List<String> authenticationMethods, String sessionId, String nonce, ClaimsRequest claims) {

    public TokenGrant {
        authenticationMethods = authenticationMethods == null ? List.of() : List.copyOf(authenticationMethods);
        claims = claims == null ? ClaimsRequest.NONE : claims;
    }

    /** A grant whose request asked nothing of the claims. */
    public TokenGrant(RegisteredClient client, UserView user, Scope scope, Instant authTime,
                      List<String> authenticationMethods, String sessionId, String nonce) {
        this(client, user, scope, authTime, authenticationMethods, sessionId, nonce, ClaimsRequest.NONE);
    }

    /** A grant without a user: the client acts for itself. */
    public static TokenGrant forClient(RegisteredClient client, Scope scope) {
        return new TokenGrant(client, null, scope, null, List.of(), null, null);
    }

    /** The same grant with another scope (the part an access token's audience accepts). */
    public TokenGrant withScope(Scope narrowed) {
        return new TokenGrant(client, user, narrowed, authTime, authenticationMethods, sessionId, nonce, claims);
    }

    public boolean hasUser() {
        return user != null;
    }
}

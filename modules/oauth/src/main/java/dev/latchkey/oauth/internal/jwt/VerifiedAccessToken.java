package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The claims of an access token whose signature, issuer, type and expiry were checked: what
 * userinfo and introspection (RFC 7662 §2.2) answer from. {@code notBefore}, {@code username}
 * and {@code grantId} (the refresh-token family it was issued with) are null when the token has
 * none (a client-credentials token has neither a username nor a family). {@code userinfoClaims}
 * are the user claims the authorization request asked of userinfo beyond its scope.
 */
public record VerifiedAccessToken(String subject, String clientId, Scope scope, Instant expiresAt, String jwtId,
                                  Instant issuedAt, Instant notBefore, List<String> audience, String username,
                                  String issuer, String grantId, Set<String> userinfoClaims) {

    public VerifiedAccessToken {
        audience = audience == null ? List.of() : List.copyOf(audience);
        userinfoClaims = userinfoClaims == null ? Set.of() : Set.copyOf(userinfoClaims);
    }

    /** Whether {@code clientId} is the client the token was issued to or one of its audiences. */
    public boolean isFor(String clientId) {
        return clientId.equals(this.clientId) || audience.contains(clientId);
    }
}

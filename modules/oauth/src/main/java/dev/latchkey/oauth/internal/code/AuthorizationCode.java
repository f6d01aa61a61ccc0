package dev.latchkey.oauth.internal.code;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an authorization code stands for: the grant the user gave one client, bound to the
 * redirect URI and the PKCE challenge of the request that produced it (RFC 6749 §4.1.3,
 * RFC 7636 §4.6). Kept only under the hash of the code, for {@code latchkey.oauth.code-ttl} (a
 * minute by default), and redeemable once.
 * {@code redirectUri} is the {@code redirect_uri} parameter exactly as the authorization request
 * carried it, null when the request omitted it (the client's only registered URI was used): the
 * token request must repeat it only when it was given (RFC 6749 §4.1.3). {@code nonce},
 * {@code codeChallenge} and {@code codeChallengeMethod} are null when the request had none.
 * {@code resources} are the RFC 8707 resources the request named (empty when none), which the
 * token request may narrow but not widen; {@code claims} is what the request asked of the claims
 * ({@code ClaimsRequest#toJson}), null when nothing.
 */
public record AuthorizationCode(String clientId, String redirectUri, UUID userId, String sessionId,
                                String scope, String nonce, String codeChallenge, String codeChallengeMethod,
                                Instant authTime, List<String> authenticationMethods, Instant issuedAt,
                                List<String> resources, String claims) {

    public AuthorizationCode {
        authenticationMethods = List.copyOf(authenticationMethods);
        // a code stored before resource indicators existed has none
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}

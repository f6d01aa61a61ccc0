package dev.latchkey.oauth.internal.revocation;

import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.clientauth.ClientAuthEndpoint;
import dev.latchkey.oauth.internal.clientauth.ClientAuthenticator;
import dev.latchkey.oauth.internal.jwt.AccessTokenVerifier;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import dev.latchkey.oauth.internal.protocol.TokenShape;
import dev.latchkey.oauth.internal.token.RefreshToken;
import dev.latchkey.oauth.internal.token.RefreshTokenService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The revocation endpoint's logic (RFC 7009).
 *
 * <ul>
 *   <li>The client authenticates as at the token endpoint: with its secret when confidential, with
 *       its {@code client_id} alone when public (§2.1: credentials "in case of a confidential
 *       client"; a public app must be able to end its own grant at logout).</li>
 *   <li>A refresh token revokes its whole family, so no successor of it stays usable and
 *       introspection reports every token of the family inactive.</li>
 *   <li>An access token (a JWT) is put on the {@code jti} deny-list ({@link RevokedAccessTokens})
 *       until it would have expired; userinfo, introspection and the REST API then refuse it.</li>
 *   <li>An unknown, malformed, expired or already revoked token changes nothing and is a success
 *       (§2.2: invalid tokens do not cause an error response).</li>
 *   <li>A live token issued to another client is not revoked and is {@code unauthorized_client}:
 *       §2.1 says the server verifies that the token was issued to the requesting client and, if
 *       not, refuses the request and informs the client of the error (§2.2.1, with RFC 6749 §5.2
 *       codes). {@code unauthorized_client} is the §5.2 code for an authenticated client that may
 *       not do what it asked; {@code invalid_client} would wrongly tell it its credentials failed.</li>
 * </ul>
 * {@code token_type_hint} is accepted and not needed ({@link TokenShape}); an unknown hint is
 * ignored, so {@code unsupported_token_type} is never sent: both token types are supported.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@ApplicationScoped
public class Revocation {

    private ClientAuthenticator authenticator;
    private AccessTokenVerifier verifier;
    private RevokedAccessTokens revokedAccessTokens;
    private RefreshTokenService refreshTokens;
    private Clock clock;

    @Inject
    public Revocation(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                      RevokedAccessTokens revokedAccessTokens, RefreshTokenService refreshTokens) {
        this(authenticator, verifier, revokedAccessTokens, refreshTokens, Clock.systemUTC());
    }

    public Revocation(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                      RevokedAccessTokens revokedAccessTokens, RefreshTokenService refreshTokens, Clock clock) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.revokedAccessTokens = revokedAccessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected Revocation() {
    }

    /**
     * Handles one revocation request: the raw form and the {@code Authorization} header. Returns
     * normally when the token is revoked or was not a valid token; throws {@link OAuthException}
     * for a bad request, a client that failed to authenticate, or another client's token.
     */
    public void revoke(Map<String, List<String>> form, String authorization) {
        RequestParameters parameters = RequestParameters.of(form);
        AuthenticatedClient client = authenticator.authenticate(authorization, parameters,
                ClientAuthEndpoint.REVOCATION);
        String token = parameters.require("token");
        if (TokenShape.isJwt(token)) {
            revokeAccessToken(token, client.clientId());
        } else {
            revokeRefreshToken(token, client.clientId());
        }
    }

    private void revokeAccessToken(String token, String caller) {
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (OAuthException expiredRevokedOrForged) {
            // RFC 7009 §2.2: an invalid token does not cause an error response
            return;
        }
        requireIssuedTo(verified.clientId(), caller);
        revokedAccessTokens.revoke(verified.jwtId(), verified.expiresAt());
    }

    private void revokeRefreshToken(String token, String caller) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = refreshTokens.find(token);
        if (found.isEmpty()) {
            return;
        }
        RefreshToken stored = found.get();
        RefreshToken.State state = stored.state(now);
        if (state == RefreshToken.State.REVOKED || state == RefreshToken.State.EXPIRED) {
            return;
        }
        requireIssuedTo(stored.clientId(), caller);
        // a used (rotated) token still stands for its grant: its family may hold a live successor
        refreshTokens.revokeFamily(stored.familyId(), now);
    }

    private static void requireIssuedTo(String owner, String caller) {
        // RFC 7009 §2.1: the server verifies whether the token was issued to the requesting client
        if (!caller.equals(owner)) {
            throw OAuthException.unauthorizedClient("The token was issued to another client");
        }
    }
}

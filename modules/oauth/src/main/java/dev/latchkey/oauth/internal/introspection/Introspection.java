package dev.latchkey.oauth.internal.introspection;

import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.clientauth.ClientAuthEndpoint;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import dev.latchkey.oauth.internal.clientauth.ClientAuthenticator;
import dev.latchkey.oauth.internal.jwt.AccessTokenVerifier;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import dev.latchkey.oauth.internal.protocol.TokenShape;
import dev.latchkey.oauth.internal.token.RefreshToken;
import dev.latchkey.oauth.internal.token.RefreshTokenService;
import dev.latchkey.oauth.internal.token.TokenResponse;
import dev.latchkey.oauth.internal.userinfo.RecentUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The introspection endpoint's logic (RFC 7662).
 *
 * <p><b>Who may call it.</b> Only a client that authenticates with its secret
 * ({@code client_secret_basic} or {@code client_secret_post}): RFC 7662 §2.1 requires the
 * endpoint to be protected against token scanning, and a public client's bare {@code client_id}
 * proves nothing, so it is {@code invalid_client} (401) like a wrong secret.
 *
 * <p><b>What a client may learn.</b> A client sees the metadata of an access token that was
 * issued to it ({@code client_id}) or names it as an audience ({@code aud}: a resource server
 * registered as a client), and of a refresh token issued to it. For any other token the answer is
 * {@code {"active":false}}, exactly as for an expired, revoked, used (rotated), unknown or
 * malformed one (RFC 7662 §2.2: a token the caller is not allowed to introspect MUST be reported
 * inactive), so the answer never tells another client's live token from garbage.
 *
 * <p><b>Cost.</b> An access token is checked by {@link AccessTokenVerifier}: its signature is
 * verified once per token and remembered, and the revocation deny-list is read from memory on
 * the hot path; no database read. A refresh token is one primary-key read, and its user comes
 * from {@link RecentUsers}. {@code token_type_hint} is accepted and not needed: the token's
 * shape tells which kind it can be ({@link TokenShape}); an unknown hint is ignored (§2.1).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2">RFC 7662 §2</a>
 */
@ApplicationScoped
public class Introspection {

    private ClientAuthenticator authenticator;
    private AccessTokenVerifier verifier;
    private RefreshTokenService refreshTokens;
    private RecentUsers users;
    private Clock clock;

    @Inject
    public Introspection(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                         RefreshTokenService refreshTokens, RecentUsers users) {
        this(authenticator, verifier, refreshTokens, users, Clock.systemUTC());
    }

    public Introspection(ClientAuthenticator authenticator, AccessTokenVerifier verifier,
                         RefreshTokenService refreshTokens, RecentUsers users, Clock clock) {
        this.authenticator = authenticator;
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected Introspection() {
    }

    /**
     * Answers one introspection request: the raw form and the {@code Authorization} header.
     * Throws {@link OAuthException} for a bad request or a client that did not authenticate.
     */
    public IntrospectionResponse introspect(Map<String, List<String>> form, String authorization) {
        RequestParameters parameters = RequestParameters.of(form);
        AuthenticatedClient client = authenticator.authenticate(authorization, parameters,
                ClientAuthEndpoint.INTROSPECTION);
        // RFC 7662 §2.1: the endpoint MUST require some form of authorization
        if (client.method() == ClientAuthMethod.NONE) {
            throw OAuthException.invalidClient("Introspection requires client authentication", false);
        }
        String token = parameters.require("token");
        return TokenShape.isJwt(token) ? accessToken(token, client.clientId()) : refreshToken(token, client.clientId());
    }

    private IntrospectionResponse accessToken(String token, String caller) {
        VerifiedAccessToken verified;
        try {
            verified = verifier.verify(token);
        } catch (OAuthException expiredRevokedOrForged) {
            return IntrospectionResponse.INACTIVE;
        }
        if (!verified.isFor(caller)) {
            return IntrospectionResponse.INACTIVE;
        }
        return new IntrospectionResponse(true, verified.scope().isEmpty() ? null : verified.scope().toString(),
                verified.clientId(), verified.username(), TokenResponse.BEARER, seconds(verified.expiresAt()),
                seconds(verified.issuedAt()), seconds(verified.notBefore()), verified.subject(), verified.audience(),
                verified.issuer(), verified.jwtId());
    }

    private IntrospectionResponse refreshToken(String token, String caller) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = refreshTokens.find(token)
                .filter(stored -> stored.clientId().equals(caller))
                .filter(stored -> stored.state(now) == RefreshToken.State.USABLE);
        if (found.isEmpty()) {
            return IntrospectionResponse.INACTIVE;
        }
        RefreshToken stored = found.get();
        // a disabled user's tokens are revoked when it is disabled; this covers the moments between
        Optional<UserView> user = users.find(stored.userId()).filter(UserView::isActive);
        if (user.isEmpty()) {
            return IntrospectionResponse.INACTIVE;
        }
        return new IntrospectionResponse(true, stored.scope().isEmpty() ? null : stored.scope(), stored.clientId(),
                user.get().username(), IntrospectionResponse.REFRESH_TOKEN, seconds(stored.expiresAt()),
                seconds(stored.issuedAt()), null, stored.userId().toString(), null, null, null);
    }

    private static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}

package dev.latchkey.oauth.internal.token;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.client.ClientValidator;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.resource.AccessTokenAudience;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code grant_type=refresh_token} with rotation: the presented token is used up and a successor
 * issued; a token presented after it was used revokes its whole family. The scope may be narrowed,
 * never widened; the successor keeps the original scope (RFC 6749 §6). A token without
 * {@code offline_access} is bound to the SSO session it was issued in: once that session ended or
 * expired, the token is refused and its family revoked (OIDC Core §11: only {@code offline_access}
 * grants access while the user is not logged in).
 * The successor keeps the grant's resources too: a {@code resource} parameter may name some of the
 * resources the grant was authorized for (RFC 8707 §2.2), never others.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess">OIDC Core §11</a>
 */
@ApplicationScoped
public class RefreshTokenGrantHandler implements GrantHandler {

    private RefreshTokenService refreshTokens;
    private UserDirectory users;
    private TokenIssuer issuer;
    private SsoSessions sessions;
    private ResourceIndicators resources;

    @Inject
    public RefreshTokenGrantHandler(RefreshTokenService refreshTokens, UserDirectory users, TokenIssuer issuer,
                                    SsoSessions sessions, ResourceIndicators resources) {
        this.resources = resources;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.issuer = issuer;
        this.sessions = sessions;
    }

    /** For CDI's client proxy only. */
    protected RefreshTokenGrantHandler() {
    }

    @Override
    public String grantType() {
        return ClientValidator.REFRESH_TOKEN;
    }

    @Override
    public IssuedTokens handle(TokenRequest request) {
        RegisteredClient client = request.client();
        RefreshToken current = refreshTokens.find(request.parameters().require("refresh_token"))
                .orElseThrow(() -> OAuthException.invalidGrant("The refresh token is invalid"));
        // RFC 6749 §6: the refresh token MUST be bound to the authenticated client
        if (!current.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("The refresh token was issued to another client");
        }
        switch (current.state(request.now())) {
            case USED -> {
                refreshTokens.revokeFamily(current.familyId(), request.now());
                throw OAuthException.invalidGrant("The refresh token was already used; its family is revoked");
            }
            case REVOKED -> throw OAuthException.invalidGrant("The refresh token was revoked");
            case EXPIRED -> throw OAuthException.invalidGrant("The refresh token expired");
            case USABLE -> {
                // go on
            }
        }
        Scope original = Scope.parse(current.scope());
        if (!original.contains(Scope.OFFLINE_ACCESS) && current.sessionId() != null
                && !sessions.isActive(current.sessionId())) {
            refreshTokens.revokeFamily(current.familyId(), request.now());
            throw OAuthException.invalidGrant("The session the refresh token was bound to has ended (no offline_access)");
        }
        Scope requested = Scope.parse(request.parameters().get("scope").orElse(null));
        // RFC 6749 §6: the requested scope MUST NOT include any scope not originally granted
        if (!original.containsAll(requested)) {
            throw OAuthException.invalidScope("The requested scope is wider than the one originally granted");
        }
        Scope granted = (requested.isEmpty() ? original : requested).retain(client.scopes());
        AccessTokenAudience audience = resources.audience(client,
                request.parameters().all(ResourceIndicators.RESOURCE), current.resources());
        UserView user = Users.active(users, current.userId());
        String successor = refreshTokens.rotate(current, request.now())
                .orElseThrow(() -> OAuthException.invalidGrant("The refresh token was already used; its family is revoked"));
        TokenGrant grant = new TokenGrant(client, user, granted, current.authTime(), current.authenticationMethods(),
                current.sessionId(), null, ClaimsRequest.fromJson(current.claims()));
        return issuer.issue(grant, audience, new IssuedRefreshToken(successor, current.familyId()), request.now());
    }
}

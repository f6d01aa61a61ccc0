package dev.latchkey.oauth.internal.token;

import dev.latchkey.oauth.internal.jwt.AccessTokens;
import dev.latchkey.oauth.internal.jwt.IdTokens;
import dev.latchkey.oauth.internal.jwt.MintedToken;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.resource.AccessTokenAudience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Builds the token response every grant ends with: an access token, an ID token when the grant
 * has a user and the {@code openid} scope (OIDC Core §3.1.3.3), and the refresh token the grant
 * handler made, if any.
 */
@ApplicationScoped
public class TokenIssuer {

    private AccessTokens accessTokens;
    private IdTokens idTokens;

    @Inject
    public TokenIssuer(AccessTokens accessTokens, IdTokens idTokens) {
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
    }

    /** For CDI's client proxy only. */
    protected TokenIssuer() {
    }

    /** The response for a grant with the configured audience; {@code refreshToken} is null when the grant issues none. */
    public IssuedTokens issue(TokenGrant grant, IssuedRefreshToken refreshToken, Instant now) {
        return issue(grant, AccessTokenAudience.DEFAULT, refreshToken, now);
    }

    /**
     * The response for a grant whose access token is for {@code audience}: its scope, and the
     * response's {@code scope}, are the part of the grant's scope the audience accepts (RFC 8707
     * §2.2); the ID token still answers the whole grant (it is for the client, not a resource).
     */
    public IssuedTokens issue(TokenGrant fullGrant, AccessTokenAudience audience, IssuedRefreshToken refreshToken,
                              Instant now) {
        TokenGrant grant = fullGrant.withScope(audience.narrow(fullGrant.scope()));
        MintedToken accessToken = accessTokens.mint(grant, audience,
                refreshToken == null ? null : refreshToken.familyId(), now);
        String idToken = fullGrant.hasUser() && fullGrant.scope().contains(Scope.OPENID)
                ? idTokens.mint(fullGrant, accessToken.value(), now) : null;
        TokenResponse response = new TokenResponse(accessToken.value(), TokenResponse.BEARER,
                Duration.between(now, accessToken.expiresAt()).getSeconds(),
                refreshToken == null ? null : refreshToken.value(), idToken,
                grant.scope().isEmpty() ? null : grant.scope().toString());
        return new IssuedTokens(response, grant.hasUser() ? grant.user().id() : null);
    }
}

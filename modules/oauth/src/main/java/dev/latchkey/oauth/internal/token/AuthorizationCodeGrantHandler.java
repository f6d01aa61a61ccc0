package dev.latchkey.oauth.internal.token;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.client.ClientValidator;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.code.AuthorizationCodes;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.resource.AccessTokenAudience;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code grant_type=authorization_code}: redeems the code once, checks that it was issued to this
 * client for this redirect URI and that the PKCE verifier matches, then issues tokens. A replayed
 * code revokes the refresh tokens the code produced. The access token is for the resources the
 * authorization request named, or for those of them the token request names (RFC 8707 §2.2).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenRequestValidation">OIDC Core §3.1.3.2</a>
 */
@ApplicationScoped
public class AuthorizationCodeGrantHandler implements GrantHandler {

    private AuthorizationCodes codes;
    private CodeRedemptions redemptions;
    private UserDirectory users;
    private RefreshTokenService refreshTokens;
    private TokenIssuer issuer;
    private ResourceIndicators resources;

    @Inject
    public AuthorizationCodeGrantHandler(AuthorizationCodes codes, CodeRedemptions redemptions, UserDirectory users,
                                         RefreshTokenService refreshTokens, TokenIssuer issuer,
                                         ResourceIndicators resources) {
        this.resources = resources;
        this.codes = codes;
        this.redemptions = redemptions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
    }

    /** For CDI's client proxy only. */
    protected AuthorizationCodeGrantHandler() {
    }

    @Override
    public String grantType() {
        return ClientValidator.AUTHORIZATION_CODE;
    }

    @Override
    public IssuedTokens handle(TokenRequest request) {
        String code = request.parameters().require("code");
        String verifier = request.parameters().get("code_verifier").orElse(null);
        Pkce.checkSyntax(verifier);
        Optional<AuthorizationCode> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            // the ledger outlives the code's own replay marker, so a late replay still revokes
            Optional<UUID> family = redemptions.familyOf(code);
            if (family.isPresent() || codes.wasRedeemed(code)) {
                // RFC 6749 §4.1.2: a code used twice SHOULD revoke the tokens it produced
                family.ifPresent(id -> refreshTokens.revokeFamily(id, request.now()));
                throw OAuthException.invalidGrant("The authorization code was already used; what it issued is revoked");
            }
            throw OAuthException.invalidGrant("The authorization code is invalid or expired");
        }
        AuthorizationCode grant = redeemed.get();
        RegisteredClient client = request.client();
        // RFC 6749 §4.1.3: the code MUST have been issued to the authenticated client
        if (!grant.clientId().equals(client.clientId())) {
            throw OAuthException.invalidGrant("The authorization code was issued to another client");
        }
        // RFC 6749 §4.1.3: redirect_uri MUST be identical to the one of the authorization request
        String redirectUri = request.parameters().get("redirect_uri").orElse(null);
        if (grant.redirectUri() != null && !Objects.equals(grant.redirectUri(), redirectUri)) {
            throw OAuthException.invalidGrant("redirect_uri does not match the authorization request");
        }
        Pkce.verify(grant.codeChallenge(), grant.codeChallengeMethod(), verifier, client.isPublic());
        AccessTokenAudience audience = resources.audience(client,
                request.parameters().all(ResourceIndicators.RESOURCE), grant.resources());
        UserView user = Users.active(users, grant.userId());
        TokenGrant tokenGrant = new TokenGrant(client, user, Scope.parse(grant.scope()), grant.authTime(),
                grant.authenticationMethods(), grant.sessionId(), grant.nonce(), ClaimsRequest.fromJson(grant.claims()));
        IssuedRefreshToken refreshToken = null;
        if (client.allowsGrant(ClientValidator.REFRESH_TOKEN)) {
            refreshToken = refreshTokens.issue(tokenGrant, grant.resources(), request.now());
            redemptions.remember(code, refreshToken.familyId());
        }
        return issuer.issue(tokenGrant, audience, refreshToken, request.now());
    }
}

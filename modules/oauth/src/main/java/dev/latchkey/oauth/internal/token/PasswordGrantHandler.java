package dev.latchkey.oauth.internal.token;

import dev.latchkey.identity.api.LoginContext;
import dev.latchkey.identity.api.LoginFlow;
import dev.latchkey.identity.api.LoginProgress;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.client.ClientValidator;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.TreeSet;

/**
 * {@code grant_type=password}, only for clients that list it (OAuth 2.1 drops it; Latchkey keeps
 * it off by default, for CLIs such as {@code latchkey-admin-cli}). The login goes through the
 * identity login chain, so brute-force protection applies; a user who must pass another step
 * (TOTP, passkey) cannot log in this way. Unknown user and wrong password get the same answer.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.3">RFC 6749 §4.3</a>
 */
@ApplicationScoped
public class PasswordGrantHandler implements GrantHandler {

    private LoginFlow logins;
    private UserDirectory users;
    private RefreshTokenService refreshTokens;
    private TokenIssuer issuer;

    @Inject
    public PasswordGrantHandler(LoginFlow logins, UserDirectory users, RefreshTokenService refreshTokens,
                                TokenIssuer issuer) {
        this.logins = logins;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.issuer = issuer;
    }

    /** For CDI's client proxy only. */
    protected PasswordGrantHandler() {
    }

    @Override
    public String grantType() {
        return ClientValidator.PASSWORD;
    }

    @Override
    public IssuedTokens handle(TokenRequest request) {
        RegisteredClient client = request.client();
        String username = request.parameters().require("username");
        String password = request.parameters().require("password");
        Scope requested = Scope.parse(request.parameters().get("scope").orElse(null));
        Scope allowed = Scope.of(new TreeSet<>(client.scopes()));
        if (!allowed.containsAll(requested)) {
            throw OAuthException.invalidScope("The requested scope is not registered for this client");
        }
        Scope granted = requested.isEmpty() ? allowed : requested;
        LoginProgress progress = logins.start(username, password,
                new LoginContext(request.remoteAddress(), request.userAgent(), client.clientId()));
        if (progress instanceof LoginProgress.StepRequired) {
            throw OAuthException.invalidGrant("Interactive login required: the user has another login step");
        }
        if (!(progress instanceof LoginProgress.Completed completed)) {
            throw OAuthException.invalidGrant("The username or password is wrong");
        }
        UserView user = Users.active(users, completed.userId());
        TokenGrant grant = new TokenGrant(client, user, granted, completed.authenticatedAt(),
                completed.authenticationMethods(), null, null);
        IssuedRefreshToken refreshToken = client.allowsGrant(ClientValidator.REFRESH_TOKEN)
                ? refreshTokens.issue(grant, request.now()) : null;
        return issuer.issue(grant, refreshToken, request.now());
    }
}

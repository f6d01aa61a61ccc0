package dev.latchkey.oauth.internal.token;

import dev.latchkey.oauth.internal.client.ClientValidator;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code grant_type=client_credentials}: a confidential client gets an access token for itself
 * ({@code sub} = its client id) within its registered scopes. No refresh token (RFC 6749 §4.4.3:
 * one SHOULD NOT be included) and no database write. The OpenID scopes describe a user, so they
 * are refused here; without a {@code scope} the client gets its other registered scopes. RFC 8707
 * {@code resource} parameters make the token's {@code aud} and narrow its scope to theirs.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
@ApplicationScoped
public class ClientCredentialsGrantHandler implements GrantHandler {

    private TokenIssuer issuer;
    private ResourceIndicators resources;

    @Inject
    public ClientCredentialsGrantHandler(TokenIssuer issuer, ResourceIndicators resources) {
        this.issuer = issuer;
        this.resources = resources;
    }

    /** For CDI's client proxy only. */
    protected ClientCredentialsGrantHandler() {
    }

    @Override
    public String grantType() {
        return ClientValidator.CLIENT_CREDENTIALS;
    }

    @Override
    public IssuedTokens handle(TokenRequest request) {
        RegisteredClient client = request.client();
        // RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients
        if (client.isPublic()) {
            throw OAuthException.unauthorizedClient("client_credentials needs a confidential client");
        }
        Scope requested = Scope.parse(request.parameters().get("scope").orElse(null));
        Scope allowed = Scope.of(new TreeSet<>(client.scopes())).without(Scope.STANDARD);
        if (requested.values().stream().anyMatch(Scope.STANDARD::contains)) {
            throw OAuthException.invalidScope("openid, profile, email and offline_access need a user");
        }
        if (!allowed.containsAll(requested)) {
            throw OAuthException.invalidScope("The requested scope is not registered for this client");
        }
        Scope granted = requested.isEmpty() ? allowed : requested;
        return issuer.issue(TokenGrant.forClient(client, granted),
                resources.audience(client, request.parameters().all(ResourceIndicators.RESOURCE), List.of()), null,
                request.now());
    }
}

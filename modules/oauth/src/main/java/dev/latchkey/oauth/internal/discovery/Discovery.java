package dev.latchkey.oauth.internal.discovery;

import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import dev.latchkey.oauth.internal.jwt.IdTokens;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.Pkce;
import dev.latchkey.oauth.internal.token.TokenEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the provider metadata from what is deployed: the endpoints under the issuer, the grant
 * types there is a handler for, the claims Latchkey puts in ID tokens and userinfo.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OIDC Discovery §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
@ApplicationScoped
public class Discovery {

    /** The claims of ID tokens (OIDC Core §2) and userinfo (§5.1) that Latchkey issues. */
    static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp",
            "at_hash", "sid", "amr", "name", "given_name", "family_name", "preferred_username", "updated_at",
            "email", "email_verified");

    private ServerSettings server;
    private TokenEndpoint tokenEndpoint;

    @Inject
    public Discovery(ServerSettings server, TokenEndpoint tokenEndpoint) {
        this.server = server;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** For CDI's client proxy only. */
    protected Discovery() {
    }

    public ProviderMetadata metadata() {
        String issuer = server.issuer();
        return new ProviderMetadata(issuer, issuer + "/authorize", issuer + "/token", issuer + "/userinfo",
                issuer + "/jwks",
                // RFC 7662 and RFC 7009 endpoints (RFC 8414 §2)
                issuer + "/introspect",
                issuer + "/revoke",
                List.of("code"),
                List.of("query", "form_post"),
                List.copyOf(tokenEndpoint.grantTypes()),
                List.of("public"),
                List.of(IdTokens.ALGORITHM.getName()),
                Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value).toList(),
                // introspection refuses public clients (RFC 7662 §2.1); revocation accepts them (RFC 7009 §2.1)
                Arrays.stream(ClientAuthMethod.values()).filter(method -> method != ClientAuthMethod.NONE)
                        .map(ClientAuthMethod::value).toList(),
                Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value).toList(),
                List.of(Pkce.S256),
                List.copyOf(Scope.STANDARD),
                CLAIMS,
                // RFC 9207: the authorization response carries iss
                true,
                false,
                // OIDC Discovery §3: request_uri_parameter_supported defaults to true, so say false
                false,
                false);
    }
}

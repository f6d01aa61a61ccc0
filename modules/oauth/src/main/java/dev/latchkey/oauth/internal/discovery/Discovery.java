package dev.latchkey.oauth.internal.discovery;

import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.authorize.RequestObjects;
import dev.latchkey.oauth.internal.client.ClientMetadataValidator;
import dev.latchkey.oauth.internal.clientauth.ClientAssertionVerifier;
import dev.latchkey.oauth.internal.authorize.DisplayValidator;
import dev.latchkey.oauth.internal.claims.AuthenticationContexts;
import dev.latchkey.oauth.internal.claims.StandardClaims;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.Pkce;
import dev.latchkey.oauth.internal.token.TokenEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

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
    static final List<String> CLAIMS = Stream.concat(Stream.of("iss", "sub", "aud", "exp", "iat", "auth_time",
            "nonce", "azp", "at_hash", "sid", "amr", "acr"), StandardClaims.NAMES.stream()).toList();

    private ServerSettings server;
    private TokenEndpoint tokenEndpoint;
    private RegistrationSettings registration;
    private ClientMetadataDocumentSettings metadataDocuments;

    @Inject
    public Discovery(ServerSettings server, TokenEndpoint tokenEndpoint, RegistrationSettings registration,
                     ClientMetadataDocumentSettings metadataDocuments) {
        this.server = server;
        this.tokenEndpoint = tokenEndpoint;
        this.registration = registration;
        this.metadataDocuments = metadataDocuments;
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
                // RFC 7591 §3 / RFC 8414 §2: only when registration is on
                registration.mode() == RegistrationSettings.Mode.OFF ? null : issuer + "/register",
                // OIDC RP-Initiated Logout §2.1
                issuer + "/logout",
                List.of("code"),
                List.of("query", "form_post"),
                List.copyOf(tokenEndpoint.grantTypes()),
                List.of("public"),
                // OIDC Discovery §3: the algorithms a client may register for its ID tokens
                ClientMetadataValidator.ID_TOKEN_ALGORITHMS.stream().sorted().toList(),
                Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value).toList(),
                // RFC 8414 §2: MUST be present when client_secret_jwt or private_key_jwt is supported
                ClientAssertionVerifier.algorithms(),
                // introspection refuses public clients (RFC 7662 §2.1); revocation accepts them (RFC 7009 §2.1)
                Arrays.stream(ClientAuthMethod.values()).filter(method -> method != ClientAuthMethod.NONE)
                        .map(ClientAuthMethod::value).toList(),
                ClientAssertionVerifier.algorithms(),
                Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value).toList(),
                ClientAssertionVerifier.algorithms(),
                List.of(Pkce.S256),
                List.copyOf(Scope.STANDARD),
                CLAIMS,
                // RFC 9207: the authorization response carries iss
                true,
                // OIDC Core §6.1: signed request objects by value
                true,
                // OIDC Discovery §3: request_uri_parameter_supported defaults to true, so say false
                false,
                RequestObjects.algorithms(),
                // OIDC Core §5.5
                true,
                AuthenticationContexts.SUPPORTED,
                DisplayValidator.SUPPORTED,
                // OIDC Back-Channel Logout §2.1: supported, and logout tokens always carry sid
                true,
                true,
                // draft-ietf-oauth-client-id-metadata-document: only when on
                metadataDocuments.enabled() ? Boolean.TRUE : null);
    }
}

package dev.latchkey.oauth.internal.clientauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.ClientSecrets;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.util.Optional;

/**
 * Authenticates the client of a token, introspection or revocation request:
 * {@code client_secret_basic}, {@code client_secret_post}, {@code client_secret_jwt},
 * {@code private_key_jwt}, or {@code none} for public clients, each only for a client registered
 * for it ({@link ClientAuthMethod#allowedFor}). RFC 6749 §2.3: the client MUST NOT use more than
 * one authentication method in a request. Every failure is the same {@code invalid_client} for an
 * unknown client, a wrong secret and any flaw of an assertion, and the secret is hashed even when
 * the client is unknown, so neither the answer nor its timing tells them apart.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3">RFC 6749 §2.3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-2.2">RFC 7523 §2.2</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    static final String FAILED = "Client authentication failed";
    /** RFC 7523 §2.2: the {@code client_assertion_type} of a JWT assertion. */
    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientLookup clients;
    private ClientAssertionVerifier assertions;

    @Inject
    public ClientAuthenticator(ClientLookup clients, ClientAssertionVerifier assertions) {
        this.clients = clients;
        this.assertions = assertions;
    }

    /** For CDI's client proxy only. */
    protected ClientAuthenticator() {
    }

    /** The client of a request to {@code endpoint} with this {@code Authorization} header and these parameters. */
    public AuthenticatedClient authenticate(String authorization, RequestParameters parameters,
                                            ClientAuthEndpoint endpoint) {
        Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
        Optional<String> formId = parameters.get("client_id");
        Optional<String> formSecret = parameters.get("client_secret");
        boolean assertion = parameters.has("client_assertion") || parameters.has("client_assertion_type");
        if (basic.isPresent()) {
            if (formSecret.isPresent() || assertion) {
                throw OAuthException.invalidRequest("Use one client authentication method, not both Basic and "
                        + (assertion ? "client_assertion" : "client_secret"));
            }
            if (formId.isPresent() && !formId.get().equals(basic.get().clientId())) {
                throw OAuthException.invalidRequest("client_id differs from the client of the Authorization header");
            }
            return withSecret(basic.get().clientId(), basic.get().secret(), ClientAuthMethod.CLIENT_SECRET_BASIC);
        }
        if (assertion) {
            if (formSecret.isPresent()) {
                throw OAuthException.invalidRequest("Use one client authentication method, not both client_secret "
                        + "and client_assertion");
            }
            return withAssertion(parameters, formId, endpoint);
        }
        if (formId.isEmpty()) {
            throw OAuthException.invalidClient("No client authentication was included", false);
        }
        if (formSecret.isPresent()) {
            return withSecret(formId.get(), formSecret.get(), ClientAuthMethod.CLIENT_SECRET_POST);
        }
        RegisteredClient client = clients.find(formId.get())
                .orElseThrow(() -> OAuthException.invalidClient(FAILED, false));
        if (!client.isPublic()) {
            throw OAuthException.invalidClient("This client must authenticate with "
                    + client.metadata().tokenEndpointAuthMethod(), false);
        }
        return new AuthenticatedClient(client, ClientAuthMethod.NONE);
    }

    private AuthenticatedClient withSecret(String clientId, String secret, ClientAuthMethod method) {
        boolean basic = method == ClientAuthMethod.CLIENT_SECRET_BASIC;
        Optional<RegisteredClient> client = clients.find(clientId);
        String storedHash = client.map(RegisteredClient::secretHash).orElse("");
        boolean matches = ClientSecrets.matches(secret, storedHash);
        if (client.isEmpty() || !matches || !method.allowedFor(client.get().metadata().tokenEndpointAuthMethod())) {
            if (client.isPresent() && client.get().isPublic()) {
                throw OAuthException.invalidClient("A public client has no secret; send client_id only", basic);
            }
            throw OAuthException.invalidClient(FAILED, basic);
        }
        return new AuthenticatedClient(client.get(), method);
    }

    /**
     * RFC 7523 §2.2: {@code client_assertion_type} is the JWT bearer type and {@code client_assertion}
     * one JWT; {@code client_id} is optional and, when sent, must be the assertion's {@code sub}.
     */
    private AuthenticatedClient withAssertion(RequestParameters parameters, Optional<String> formId,
                                              ClientAuthEndpoint endpoint) {
        if (!parameters.get("client_assertion_type").filter(JWT_BEARER::equals).isPresent()
                || !parameters.has("client_assertion")) {
            throw failed();
        }
        SignedJWT jwt;
        String subject;
        try {
            jwt = SignedJWT.parse(parameters.require("client_assertion"));
            subject = jwt.getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw failed();
        }
        String clientId = formId.orElse(subject);
        if (clientId == null || !clientId.equals(subject)) {
            throw failed();
        }
        RegisteredClient client = clients.find(clientId).orElseThrow(ClientAuthenticator::failed);
        ClientAuthMethod method = JWSAlgorithm.Family.HMAC_SHA.contains(jwt.getHeader().getAlgorithm())
                ? ClientAuthMethod.CLIENT_SECRET_JWT : ClientAuthMethod.PRIVATE_KEY_JWT;
        if (!method.allowedFor(client.metadata().tokenEndpointAuthMethod())
                || !assertions.verify(client, jwt, method, endpoint)) {
            throw failed();
        }
        return new AuthenticatedClient(client, method);
    }

    private static OAuthException failed() {
        return OAuthException.invalidClient(FAILED, false);
    }
}

package dev.latchkey.oauth.internal.clientauth;

import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.ClientSecrets;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Authenticates the client of a token request: {@code client_secret_basic},
 * {@code client_secret_post}, or {@code none} for public clients. RFC 6749 §2.3: the client MUST
 * NOT use more than one authentication method in a request. Every failure is the same
 * {@code invalid_client} for an unknown client and a wrong secret, and the secret is hashed even
 * when the client is unknown, so neither the answer nor its timing tells them apart.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3">RFC 6749 §2.3</a>
 */
@ApplicationScoped
public class ClientAuthenticator {

    static final String FAILED = "Client authentication failed";

    private ClientLookup clients;

    @Inject
    public ClientAuthenticator(ClientLookup clients) {
        this.clients = clients;
    }

    /** For CDI's client proxy only. */
    protected ClientAuthenticator() {
    }

    /** The client of a request with this {@code Authorization} header and these parameters. */
    public AuthenticatedClient authenticate(String authorization, RequestParameters parameters) {
        Optional<BasicCredentials> basic = BasicCredentials.parse(authorization);
        Optional<String> formId = parameters.get("client_id");
        Optional<String> formSecret = parameters.get("client_secret");
        if (basic.isPresent()) {
            if (formSecret.isPresent()) {
                throw OAuthException.invalidRequest("Use one client authentication method, not both Basic and client_secret");
            }
            if (formId.isPresent() && !formId.get().equals(basic.get().clientId())) {
                throw OAuthException.invalidRequest("client_id differs from the client of the Authorization header");
            }
            return withSecret(basic.get().clientId(), basic.get().secret(), ClientAuthMethod.CLIENT_SECRET_BASIC);
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
            throw OAuthException.invalidClient("This client must authenticate with its secret", false);
        }
        return new AuthenticatedClient(client, ClientAuthMethod.NONE);
    }

    private AuthenticatedClient withSecret(String clientId, String secret, ClientAuthMethod method) {
        boolean basic = method == ClientAuthMethod.CLIENT_SECRET_BASIC;
        Optional<RegisteredClient> client = clients.find(clientId);
        String storedHash = client.map(RegisteredClient::secretHash).orElse("");
        boolean matches = ClientSecrets.matches(secret, storedHash);
        if (client.isEmpty() || !matches) {
            if (client.isPresent() && client.get().isPublic()) {
                throw OAuthException.invalidClient("A public client has no secret; send client_id only", basic);
            }
            throw OAuthException.invalidClient(FAILED, basic);
        }
        return new AuthenticatedClient(client.get(), method);
    }
}

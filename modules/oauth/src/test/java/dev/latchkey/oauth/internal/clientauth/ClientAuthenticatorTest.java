package dev.latchkey.oauth.internal.clientauth;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

    private final Map<String, RegisteredClient> clients = List.of(TestClients.webApp(), TestClients.spa()).stream()
            .collect(Collectors.toMap(RegisteredClient::clientId, Function.identity()));
    private final ClientAuthenticator authenticator = new ClientAuthenticator(id -> Optional.ofNullable(clients.get(id)));

    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private AuthenticatedClient authenticate(String authorization, String... parameters) {
        return authenticator.authenticate(authorization, RequestParameters.of(form(parameters)));
    }

    @Test
    void authenticateWhenBasicRightThenClientSecretBasic() {
        AuthenticatedClient client = authenticate(basic("web-app", TestClients.SECRET));
        assertEquals("web-app", client.clientId());
        assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, client.method());
    }

    @Test
    void authenticateWhenBasicSchemeLowerCaseAndSameFormClientIdThenAccepted() {
        String header = basic("web-app", TestClients.SECRET).replace("Basic", "basic");
        assertEquals("web-app", authenticate(header, "client_id", "web-app").clientId());
    }

    @Test
    void authenticateWhenBasicSecretWrongThenInvalidClientWithBasicChallenge() {
        OAuthException refused = assertOAuthError("invalid_client", () -> authenticate(basic("web-app", "wrong")));
        assertEquals(401, refused.status());
        assertEquals("Basic realm=\"latchkey\"", refused.challenge());
    }

    @Test
    void authenticateWhenBasicAndClientSecretInFormThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> authenticate(basic("web-app", TestClients.SECRET),
                "client_secret", TestClients.SECRET));
    }

    @Test
    void authenticateWhenBasicAndOtherFormClientIdThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> authenticate(basic("web-app", TestClients.SECRET),
                "client_id", "spa"));
    }

    @Test
    void authenticateWhenPostRightThenClientSecretPost() {
        AuthenticatedClient client = authenticate(null, "client_id", "web-app", "client_secret", TestClients.SECRET);
        assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, client.method());
    }

    @Test
    void authenticateWhenPostSecretWrongThenInvalidClientWithoutChallenge() {
        OAuthException refused = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "web-app", "client_secret", "wrong"));
        assertEquals(401, refused.status());
        assertNull(refused.challenge());
    }

    @Test
    void authenticateWhenClientUnknownThenSameInvalidClientAsWrongSecret() {
        OAuthException unknown = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "nobody", "client_secret", TestClients.SECRET));
        OAuthException wrong = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "web-app", "client_secret", "wrong"));
        assertEquals(wrong.description(), unknown.description());
    }

    @Test
    void authenticateWhenPublicClientIdOnlyThenNone() {
        AuthenticatedClient client = authenticate(null, "client_id", "spa");
        assertEquals(ClientAuthMethod.NONE, client.method());
    }

    @Test
    void authenticateWhenPublicClientSendsSecretThenInvalidClient() {
        OAuthException refused = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "spa", "client_secret", TestClients.SECRET));
        assertEquals("A public client has no secret; send client_id only", refused.description());
    }

    @Test
    void authenticateWhenConfidentialClientSendsNoSecretThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "web-app"));
    }

    @Test
    void authenticateWhenUnknownClientIdOnlyThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "nobody"));
    }

    @Test
    void authenticateWhenNoClientAtAllThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null));
    }

    @Test
    void authenticateWhenOtherAuthorizationSchemeThenIgnoredForFormAuthentication() {
        assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, authenticate("Bearer abc", "client_id", "web-app",
                "client_secret", TestClients.SECRET).method());
    }
}

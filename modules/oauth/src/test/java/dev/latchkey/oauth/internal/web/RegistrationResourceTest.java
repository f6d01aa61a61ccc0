package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings.Mode;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.InMemoryInitialAccessTokens;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.registration.InitialAccessTokenService;
import dev.latchkey.oauth.internal.registration.RegistrationService;
import jakarta.json.JsonObject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegistrationResourceTest {

    private static final String METADATA = """
            {"redirect_uris": ["https://rp.example/cb"], "client_name": "RP", "contacts": ["ops@rp.example"],
             "logo_uri": "https://rp.example/logo.png", "default_max_age": 600,
             "post_logout_redirect_uris": ["https://rp.example/bye"]}""";

    private final InMemoryClients stored = new InMemoryClients();

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private RegistrationResource resource(Mode mode) {
        ClientService clients = new ClientService(stored, new RecordingEvent<>(), TestClients.sealing());
        RegistrationSettings settings = new RegistrationSettings(mode, Set.copyOf(Scope.STANDARD));
        return new RegistrationResource(new RegistrationService(clients, stored,
                new InitialAccessTokenService(new InMemoryInitialAccessTokens()), settings), settings,
                new TestServerSettings());
    }

    private static JsonObject body(Response response) {
        return (JsonObject) response.getEntity();
    }

    @Test
    void registerThen201NoStoreAndTheClientInformationWithEveryRegisteredField() {
        Response response = resource(Mode.OPEN).register(null, METADATA);
        assertEquals(201, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        JsonObject json = body(response);
        String clientId = json.getString("client_id");
        assertEquals(43, json.getString("client_secret").length());
        assertEquals(0, json.getInt("client_secret_expires_at"));
        assertTrue(json.getJsonNumber("client_id_issued_at").longValue() > 0);
        assertNotNull(json.getString("registration_access_token"));
        assertEquals(TestServerSettings.ISSUER + "/register/" + clientId, json.getString("registration_client_uri"));
        assertEquals("RP", json.getString("client_name"));
        assertEquals("https://rp.example/cb", json.getJsonArray("redirect_uris").getString(0));
        assertEquals("authorization_code", json.getJsonArray("grant_types").getString(0));
        assertEquals("code", json.getJsonArray("response_types").getString(0));
        assertEquals("client_secret_basic", json.getString("token_endpoint_auth_method"));
        assertEquals("web", json.getString("application_type"));
        assertEquals("email openid profile", json.getString("scope"));
        assertEquals("RS256", json.getString("id_token_signed_response_alg"));
        assertFalse(json.getBoolean("require_auth_time"));
        assertEquals(600, json.getInt("default_max_age"));
        assertEquals("https://rp.example/logo.png", json.getString("logo_uri"));
        assertEquals("ops@rp.example", json.getJsonArray("contacts").getString(0));
        assertEquals("https://rp.example/bye", json.getJsonArray("post_logout_redirect_uris").getString(0));
        assertFalse(json.getBoolean("backchannel_logout_session_required"));
        assertFalse(json.containsKey("backchannel_logout_uri"));
        assertFalse(json.containsKey("jwks_uri"));
        assertFalse(json.containsKey("first_party"));
    }

    @Test
    void readUpdateDeleteWithTheRegistrationAccessToken() {
        RegistrationResource resource = resource(Mode.OPEN);
        JsonObject registered = body(resource.register(null, METADATA));
        String clientId = registered.getString("client_id");
        String bearer = "Bearer " + registered.getString("registration_access_token");

        Response read = resource.read(clientId, bearer);
        assertEquals(200, read.getStatus());
        assertEquals("no-store", read.getHeaderString("Cache-Control"));
        assertFalse(body(read).containsKey("client_secret"));
        assertEquals(0, body(read).getInt("client_secret_expires_at"));
        assertEquals(registered.getString("registration_access_token"),
                body(read).getString("registration_access_token"));

        Response updated = resource.update(clientId, bearer, """
                {"client_id": "%s", "redirect_uris": ["https://rp.example/new"], "token_endpoint_auth_method": "none"}"""
                .formatted(clientId));
        assertEquals(200, updated.getStatus());
        assertEquals("none", body(updated).getString("token_endpoint_auth_method"));
        assertFalse(body(updated).containsKey("client_secret_expires_at"));
        String rotated = "Bearer " + body(updated).getString("registration_access_token");

        assertOAuthError("invalid_token", () -> resource.delete(clientId, bearer));
        assertEquals(204, resource.delete(clientId, rotated).getStatus());
        assertOAuthError("invalid_token", () -> resource.read(clientId, rotated));
    }

    @Test
    void everyPathWhenRegistrationOffThen404() {
        RegistrationResource resource = resource(Mode.OFF);
        assertThrows(NotFoundException.class, () -> resource.register(null, METADATA));
        assertThrows(NotFoundException.class, () -> resource.read("x", "Bearer y"));
        assertThrows(NotFoundException.class, () -> resource.update("x", "Bearer y", METADATA));
        assertThrows(NotFoundException.class, () -> resource.delete("x", "Bearer y"));
        assertEquals(0, stored.count());
    }

    @Test
    void registerWhenTokenModeWithoutATokenThen401() {
        assertEquals(401, assertOAuthError("invalid_request", () -> resource(Mode.TOKEN).register(null, METADATA))
                .status());
    }

    @Test
    void updateWhenUnauthenticatedThen401BeforeTheBodyIsRead() {
        assertOAuthError("invalid_token", () -> resource(Mode.OPEN).update("x", "Bearer y", "not json"));
    }
}

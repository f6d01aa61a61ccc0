package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.client.StoredClient;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.token.TokenResponse;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The JSON the web layer writes and reads, through Yasson (Liberty's JSON-B). */
class JsonRepresentationTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void tokenResponseUsesRfc6749NamesAndLeavesOutAbsentMembers() {
        String json = JSONB.toJson(new TokenResponse("at", "Bearer", 300, null, null, "openid"));
        assertEquals("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"openid\"}", json);
    }

    @Test
    void errorResponseUsesRfc6749Names() {
        assertEquals("{\"error\":\"invalid_grant\",\"error_description\":\"no\"}",
                JSONB.toJson(new OAuthErrorResponse("invalid_grant", "no")));
    }

    @Test
    void userinfoClaimsKeepTheirOrderAndNestTheAddress() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "u");
        claims.put("updated_at", 1_700_000_000L);
        claims.put("email_verified", true);
        claims.put("address", Map.of("locality", "Oxford"));
        assertEquals("{\"sub\":\"u\",\"updated_at\":1700000000,\"email_verified\":true,"
                + "\"address\":{\"locality\":\"Oxford\"}}", JSONB.toJson(claims));
    }

    @Test
    void clientRequestReadsRfc7591NamesIntoADefinition() {
        ClientRequest request = JSONB.fromJson("{\"client_id\":\"app\",\"client_name\":\"App\",\"client_type\":\"Public\","
                + "\"redirect_uris\":[\"http://localhost/cb\"],\"grant_types\":[\"authorization_code\"],"
                + "\"scope\":\"openid  orders:read\",\"first_party\":true}", ClientRequest.class);
        ClientDefinition definition = request.toDefinition();
        assertEquals("app", definition.clientId());
        assertEquals(ClientType.PUBLIC, definition.type());
        assertEquals(Set.of("openid", "orders:read"), definition.scopes());
        assertEquals(Set.of("authorization_code"), definition.grantTypes());
        assertTrue(definition.firstParty());
    }

    @Test
    void clientRequestReadsTheLogoutMetadata() {
        ClientRequest request = JSONB.fromJson("{\"post_logout_redirect_uris\":[\"https://app.example/bye\"],"
                + "\"backchannel_logout_uri\":\"https://app.example/bc\",\"backchannel_logout_session_required\":true}",
                ClientRequest.class);
        ClientMetadata metadata = request.toDefinition().metadata();
        assertEquals(List.of("https://app.example/bye"), metadata.postLogoutRedirectUris());
        assertEquals("https://app.example/bc", metadata.backchannelLogoutUri());
        assertTrue(metadata.backchannelLogoutSessionRequired());
    }

    @Test
    void clientRequestWhenFieldsAbsentThenConfidentialWithDefaultsLeftToTheValidator() {
        ClientDefinition definition = JSONB.fromJson("{\"client_name\":\"App\"}", ClientRequest.class).toDefinition();
        assertNull(definition.clientId());
        assertEquals(ClientType.CONFIDENTIAL, definition.type());
        assertTrue(definition.scopes().isEmpty());
        assertTrue(definition.grantTypes().isEmpty());
        assertFalse(definition.firstParty());
    }

    @Test
    void clientRequestWhenTypeUnknownThenValidationProblem() {
        ClientRequest request = ClientRequests.basic("app", null, "trusted", null, null, null, null, null);
        assertProblem(400, request::toDefinition);
    }

    @Test
    void clientRequestWhenListHasNullEntryThenValidationProblem() {
        assertProblem(400, () -> JSONB.fromJson("{\"grant_types\":[null]}", ClientRequest.class).toDefinition());
        assertProblem(400, () -> JSONB.fromJson("{\"redirect_uris\":[\"https://a.example/cb\",null]}",
                ClientRequest.class).toDefinition());
    }

    @Test
    void clientResponseShowsSecretOnlyWhenGiven() {
        StoredClient stored = new StoredClient(UUID.randomUUID(), TestClients.webApp(), TestClock.START, TestClock.START);
        String withSecret = JSONB.toJson(ClientResponse.of(stored, "s3cret"));
        assertTrue(withSecret.startsWith("{\"client_id\":\"web-app\",\"client_name\":\"Web app\","
                + "\"client_type\":\"confidential\",\"client_secret\":\"s3cret\""));
        assertTrue(withSecret.contains("\"scope\":\"email offline_access openid orders:read profile\""));
        assertTrue(withSecret.contains("\"grant_types\":[\"authorization_code\",\"refresh_token\"]"));
        assertTrue(withSecret.contains("\"created_at\":\"2026-11-23T10:00:00Z\""));
        assertFalse(JSONB.toJson(ClientResponse.of(stored, null)).contains("\"client_secret\":"));
        assertTrue(withSecret.contains("\"token_endpoint_auth_method\":\"client_secret_basic\""));
        assertFalse(withSecret.contains(TestClients.webApp().secretHash()), "the hash is never shown");
    }

    @Test
    void clientListResponseHasItemsPageSizeTotal() {
        String json = JSONB.toJson(new ClientListResponse(List.of(), 0, 20, 0));
        assertEquals("{\"items\":[],\"page\":0,\"size\":20,\"total\":0}", json);
    }
}

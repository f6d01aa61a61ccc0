package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;

/** Registers clients through the admin API, as an operator would. */
public final class TestClients {

    private TestClients() {
    }

    /** A registered client and, for a confidential one, its secret. */
    public record Registered(String clientId, String secret, String redirectUri) {
    }

    public static Registered confidentialClient(String redirectUri, String... grantTypes) {
        return register("confidential", redirectUri, JsonValue.EMPTY_JSON_OBJECT, grantTypes);
    }

    /** A confidential client with more registration metadata (RFC 7591 names, e.g. {@code access_token_lifetime}). */
    public static Registered confidentialClient(String redirectUri, JsonObject metadata, String... grantTypes) {
        return register("confidential", redirectUri, metadata, grantTypes);
    }

    public static Registered publicClient(String redirectUri, String... grantTypes) {
        return register("public", redirectUri, JsonValue.EMPTY_JSON_OBJECT, grantTypes);
    }

    /**
     * A confidential third-party client (its users see the consent page) with a home page, a
     * privacy policy and terms, allowed every redirect URI given.
     */
    public static Registered thirdPartyClient(String... redirectUris) {
        String clientId = Latchkey.unique("it-third-party");
        JsonArrayBuilder uris = Json.createArrayBuilder();
        List.of(redirectUris).forEach(uris::add);
        JsonObject body = Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_name", "Third Party " + clientId.substring(clientId.length() - 6))
                .add("client_type", "confidential")
                .add("redirect_uris", uris)
                .add("grant_types", Json.createArrayBuilder().add("authorization_code").add("refresh_token"))
                .add("scope", "openid profile email offline_access api:read")
                .add("first_party", false)
                .add("client_uri", "https://third-party.example.com")
                .add("policy_uri", "https://third-party.example.com/privacy")
                .add("tos_uri", "https://third-party.example.com/terms")
                .build();
        return created(clientId, redirectUris[0], body);
    }

    private static Registered register(String type, String redirectUri, JsonObject metadata, String... grantTypes) {
        String clientId = Latchkey.unique("it-" + type);
        JsonArrayBuilder grants = Json.createArrayBuilder();
        List.of(grantTypes.length == 0 ? new String[] {"authorization_code", "refresh_token"} : grantTypes)
                .forEach(grants::add);
        JsonObject body = Json.createObjectBuilder(metadata)
                .add("client_id", clientId)
                .add("client_name", "Integration test " + type)
                .add("client_type", type)
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
                .add("grant_types", grants)
                .add("scope", "openid profile email offline_access api:read")
                .add("first_party", true)
                .build();
        return created(clientId, redirectUri, body);
    }

    private static Registered created(String clientId, String redirectUri, JsonObject body) {
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/clients", body.toString(),
                Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = Latchkey.json(response);
        return new Registered(clientId, created.getString("client_secret", null), redirectUri);
    }
}

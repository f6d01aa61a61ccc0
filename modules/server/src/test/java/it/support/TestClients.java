package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
        return register("confidential", redirectUri, grantTypes);
    }

    public static Registered publicClient(String redirectUri, String... grantTypes) {
        return register("public", redirectUri, grantTypes);
    }

    private static Registered register(String type, String redirectUri, String... grantTypes) {
        String clientId = Latchkey.unique("it-" + type);
        JsonArrayBuilder grants = Json.createArrayBuilder();
        List.of(grantTypes.length == 0 ? new String[] {"authorization_code", "refresh_token"} : grantTypes)
                .forEach(grants::add);
        JsonObject body = Json.createObjectBuilder()
                .add("client_id", clientId)
                .add("client_name", "Integration test " + type)
                .add("client_type", type)
                .add("redirect_uris", Json.createArrayBuilder().add(redirectUri))
                .add("grant_types", grants)
                .add("scope", "openid profile email offline_access api:read")
                .add("first_party", true)
                .build();
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/clients", body.toString(),
                Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = Latchkey.json(response);
        return new Registered(clientId, created.getString("client_secret", null), redirectUri);
    }
}

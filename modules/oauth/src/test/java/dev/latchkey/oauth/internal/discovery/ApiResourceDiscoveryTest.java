package dev.latchkey.oauth.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiResourceDiscoveryTest {

    private static final String ISSUER = TestServerSettings.ISSUER;

    @Test
    void metadataWhenServedThenRfc9728NamesForTheIssuerAsResource() throws Exception {
        String json;
        try (var jsonb = JsonbBuilder.create()) {
            json = jsonb.toJson(new ApiResourceDiscovery(new TestServerSettings()).metadata());
        }
        JsonObject metadata = Json.createReader(new StringReader(json)).readObject();
        assertEquals(List.of("resource", "authorization_servers", "scopes_supported", "bearer_methods_supported",
                "resource_name", "resource_documentation"), List.copyOf(metadata.keySet()));
        // RFC 9728 §3.3: resource is the identifier the metadata URL was derived from
        assertEquals(ISSUER, metadata.getString("resource"));
        assertEquals(List.of(ISSUER), metadata.getJsonArray("authorization_servers").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(List.of("header"), metadata.getJsonArray("bearer_methods_supported").getValuesAs(
                jakarta.json.JsonString::getString));
        assertEquals(List.of("openid", "profile", "email", "address", "phone", "offline_access"),
                metadata.getJsonArray("scopes_supported").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(ISSUER + "/openapi/ui", metadata.getString("resource_documentation"));
    }
}

package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Latchkey;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What operators rely on: health probes, Prometheus metrics, the OpenAPI document. */
class OperabilityIT {

    @Test
    void readinessReportsDatabaseRedisAndSigningKeysUp() {
        HttpResponse<String> response = Latchkey.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Latchkey.json(response);
        assertEquals("UP", health.getString("status"));
        Map<String, JsonObject> checks = health.getJsonArray("checks").stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check));
        assertEquals("UP", checks.get("database").getString("status"));
        assertEquals("PostgreSQL", checks.get("database").getJsonObject("data").getString("product"));
        assertEquals("redis", checks.get("session-store").getJsonObject("data").getString("kind"));
        assertEquals("UP", checks.get("signing-keys").getString("status"));
    }

    @Test
    void livenessIsUp() {
        HttpResponse<String> response = Latchkey.get("/health/live");
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void metricsCountTokenRequestsByGrantAndOutcome() {
        Latchkey.adminToken();
        Latchkey.postForm("/token", "grant_type=password&client_id=" + Latchkey.ADMIN_CLI + "&username=nobody&password=wrong");
        HttpResponse<String> metrics = Latchkey.get("/metrics?scope=application");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("latchkey_token_requests_total{grant_type=\"password\""), metrics.body());
        assertTrue(metrics.body().contains("outcome=\"issued\""), metrics.body());
        assertTrue(metrics.body().contains("outcome=\"invalid_grant\""), metrics.body());
    }

    @Test
    void openApiDocumentsTheAdminAndProtocolEndpoints() {
        HttpResponse<String> response = Latchkey.get("/openapi");
        assertEquals(200, response.statusCode());
        for (String path : new String[] {"/api/v1/admin/users", "/api/v1/admin/clients", "/token", "/authorize",
                "/userinfo", "/login", "/register", "/api/v1/admin/initial-access-tokens"}) {
            assertTrue(response.body().contains(path + ":") || response.body().contains(path + "/"), path);
        }
    }
}

package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClientAdminResourceTest {

    private final InMemoryClients stored = new InMemoryClients();
    private final ClientAdminResource resource = new ClientAdminResource(
            new ClientService(stored, new RecordingEvent<>(), TestClients.sealing()), new TestServerSettings());

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private static ClientRequest confidential(String clientId) {
        return ClientRequests.basic(clientId, "App", "confidential", null, List.of("https://app.example/cb"), null,
                "openid orders:read", false);
    }

    @Test
    void createThen201WithLocationAndSecretOnce() {
        Response response = resource.create(confidential("app"));
        assertEquals(201, response.getStatus());
        assertEquals(URI.create(TestServerSettings.ISSUER + "/api/v1/admin/clients/app"), response.getLocation());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        ClientResponse created = (ClientResponse) response.getEntity();
        assertNotNull(created.clientSecret());
        assertEquals("openid orders:read", created.scope());
        assertNull(resource.get("app").clientSecret());
    }

    @Test
    void createWhenNoBodyThenMalformedProblem() {
        assertProblem(400, () -> resource.create(null));
    }

    @Test
    void listGetUpdateRotateDelete() {
        resource.create(confidential("app"));
        resource.create(confidential("other"));
        ClientListResponse page = resource.list("0", "1");
        assertEquals(List.of("app"), page.items().stream().map(ClientResponse::clientId).toList());
        assertEquals(2, page.total());
        ClientResponse updated = resource.update("app", ClientRequests.basic(null, "Renamed", "confidential", null,
                List.of("https://app.example/cb"), List.of("authorization_code"), "openid", true));
        assertEquals("Renamed", updated.clientName());
        assertNull(updated.clientSecret());
        Response rotated = resource.rotateSecret("app");
        assertNotNull(((ClientResponse) rotated.getEntity()).clientSecret());
        assertEquals("no-store", rotated.getHeaderString("Cache-Control"));
        assertEquals(204, resource.delete("app").getStatus());
        assertProblem(404, () -> resource.get("app"));
        assertProblem(400, () -> resource.update("other", null));
    }
}

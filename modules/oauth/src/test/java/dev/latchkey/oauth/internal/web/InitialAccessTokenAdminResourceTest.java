package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.fixtures.InMemoryInitialAccessTokens;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.registration.InitialAccessTokenService;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InitialAccessTokenAdminResourceTest {

    private final InitialAccessTokenAdminResource resource = new InitialAccessTokenAdminResource(
            new InitialAccessTokenService(new InMemoryInitialAccessTokens()), new TestServerSettings());

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    @Test
    void issueThen201WithLocationAndTheTokenOnce() {
        Response response = resource.issue(new InitialAccessTokenRequest(3600L, 5));
        assertEquals(201, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        InitialAccessTokenResponse issued = (InitialAccessTokenResponse) response.getEntity();
        assertEquals(URI.create(TestServerSettings.ISSUER + "/api/v1/admin/initial-access-tokens/" + issued.id()),
                response.getLocation());
        assertEquals(43, issued.token().length());
        assertEquals(5, issued.registrationsLeft());
        assertEquals(3600, issued.expiresAt().getEpochSecond() - issued.createdAt().getEpochSecond());
        InitialAccessTokenResponse listed = resource.list().items().get(0);
        assertNull(listed.token());
        assertEquals(issued.id(), listed.id());
    }

    @Test
    void issueWhenNoBodyThenTheDefaults() {
        InitialAccessTokenResponse issued = (InitialAccessTokenResponse) resource.issue(null).getEntity();
        assertEquals(1, issued.registrationsLeft());
    }

    @Test
    void issueWhenOutOfRangeThen400() {
        assertProblem(400, () -> resource.issue(new InitialAccessTokenRequest(0L, null)));
        assertProblem(400, () -> resource.issue(new InitialAccessTokenRequest(null, -1)));
        assertEquals(List.of(), resource.list().items());
    }

    @Test
    void deleteThen204ThenUnknownOrMalformedIds404() {
        InitialAccessTokenResponse issued = (InitialAccessTokenResponse) resource.issue(null).getEntity();
        assertEquals(204, resource.delete(issued.id().toString()).getStatus());
        assertProblem(404, () -> resource.delete(issued.id().toString()));
        assertProblem(404, () -> resource.delete(UUID.randomUUID().toString()));
        assertProblem(404, () -> resource.delete("not-a-uuid"));
    }
}

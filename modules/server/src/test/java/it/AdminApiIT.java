package it;

import static it.support.Latchkey.json;
import static it.support.Latchkey.sendJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The admin REST API over HTTP with Latchkey's own bearer tokens: the whole life of a user and
 * of a client, and every bad input as an RFC 9457 problem that changes nothing.
 */
class AdminApiIT {

    private static final String USERS = "/api/v1/admin/users";
    private static final String CLIENTS = "/api/v1/admin/clients";

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        JsonObject problem = json(response);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.containsKey("type") && problem.containsKey("title"));
        assertFalse(response.body().contains("Exception"), "no stack trace: " + response.body());
    }

    @Test
    void aUserIsCreatedFoundUpdatedDisabledAndDeleted() {
        TestUsers.User user = TestUsers.aUser();
        String admin = Latchkey.adminToken();

        JsonObject read = json(Latchkey.get(USERS + "/" + user.id(), admin));
        assertEquals(user.username(), read.getString("username"));
        assertFalse(read.toString().contains("password"), "never a credential");

        JsonObject page = json(Latchkey.get(USERS + "?q=" + user.username() + "&page=0&size=5", admin));
        assertEquals(1, page.getJsonNumber("total").intValue());

        String update = Json.createObjectBuilder().add("email", user.email()).add("emailVerified", true)
                .add("givenName", "Grace").add("familyName", "Hopper").add("name", "Grace Hopper")
                .add("roles", Json.createArrayBuilder().add("auditor")).build().toString();
        HttpResponse<String> updated = sendJson("PUT", USERS + "/" + user.id(), update, admin);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("Grace", json(updated).getString("givenName"));

        assertEquals(204, sendJson("POST", USERS + "/" + user.id() + "/disable", null, admin).statusCode());
        HttpResponse<String> refused = Latchkey.postForm("/token", Latchkey.form(Latchkey.params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password())));
        assertEquals(400, refused.statusCode(), "a disabled user gets no token");

        assertEquals(204, sendJson("DELETE", USERS + "/" + user.id(), null, admin).statusCode());
        assertProblem(Latchkey.get(USERS + "/" + user.id(), admin), 404);
    }

    @Test
    void aClientSecretIsShownOnceAndRotationReplacesIt() {
        TestClients.Registered client = TestClients.confidentialClient("https://rp.example.com/cb", "client_credentials");
        String admin = Latchkey.adminToken();

        JsonObject read = json(Latchkey.get(CLIENTS + "/" + client.clientId(), admin));
        assertFalse(read.containsKey("client_secret") && !read.isNull("client_secret"), "the secret is never shown again");

        HttpResponse<String> rotated = sendJson("POST", CLIENTS + "/" + client.clientId() + "/secret", null, admin);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = json(rotated).getString("client_secret");

        assertEquals(401, Latchkey.postForm("/token", "grant_type=client_credentials",
                "Authorization", Latchkey.basic(client.clientId(), client.secret())).statusCode());
        assertEquals(200, Latchkey.postForm("/token", "grant_type=client_credentials",
                "Authorization", Latchkey.basic(client.clientId(), newSecret)).statusCode());

        assertEquals(204, sendJson("DELETE", CLIENTS + "/" + client.clientId(), null, admin).statusCode());
        assertEquals(401, Latchkey.postForm("/token", "grant_type=client_credentials",
                "Authorization", Latchkey.basic(client.clientId(), newSecret)).statusCode());
    }

    @Test
    void withoutATokenOrWithABadOneTheApiAnswers401() {
        assertEquals(401, Latchkey.get(USERS).statusCode());
        assertEquals(401, Latchkey.get(USERS, "not-a-jwt").statusCode());
        assertEquals(401, Latchkey.get(CLIENTS, Latchkey.adminToken() + "x").statusCode());
    }

    @Test
    void aUserWithoutTheAdminRoleIsForbidden() {
        TestUsers.User user = TestUsers.aUser();
        String token = json(Latchkey.postForm("/token", Latchkey.form(Latchkey.params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password()))))
                .getString("access_token");
        assertEquals(403, Latchkey.get(USERS, token).statusCode());
        assertEquals(403, sendJson("DELETE", USERS + "/" + user.id(), null, token).statusCode());
        assertEquals(200, Latchkey.get(USERS + "/" + user.id(), Latchkey.adminToken()).statusCode(), "nothing changed");
        assertEquals(200, Latchkey.get("/api/v1/account", token).statusCode(), "but the user reads their own account");
    }

    @Test
    void malformedJsonIsA400ProblemAndCreatesNothing() {
        String admin = Latchkey.adminToken();
        String username = Latchkey.unique("broken");
        assertProblem(sendJson("POST", USERS, "{\"username\": \"" + username + "\", ", admin), 400);
        assertProblem(sendJson("POST", USERS, "[1, 2, 3]", admin), 400);
        assertProblem(sendJson("POST", USERS, "{\"username\": {\"nested\": true}}", admin), 400);
        assertProblem(sendJson("POST", CLIENTS, "not json at all", admin), 400);
        assertEquals(0, json(Latchkey.get(USERS + "?q=" + username, admin)).getJsonNumber("total").intValue());
    }

    @Test
    void invalidFieldsAreValidationProblemsNamingTheField() {
        String admin = Latchkey.adminToken();
        HttpResponse<String> noUsername = sendJson("POST", USERS, "{\"email\": \"x@example.com\"}", admin);
        assertProblem(noUsername, 400);
        assertTrue(json(noUsername).getString("detail").contains("username"), noUsername.body());

        assertProblem(sendJson("POST", USERS, "{\"username\": \"" + "u".repeat(300) + "\"}", admin), 400);
        assertProblem(sendJson("POST", USERS, "{\"username\": \"bad name!\"}", admin), 400);
        assertProblem(sendJson("POST", CLIENTS, Json.createObjectBuilder().add("client_id", Latchkey.unique("c"))
                .add("client_type", "public").add("redirect_uris", Json.createArrayBuilder().add("http://evil.example.com/cb"))
                .add("grant_types", Json.createArrayBuilder().add("authorization_code")).build().toString(), admin), 400);
    }

    @Test
    void takenUsernamesAndClientIdsAreConflicts() {
        TestUsers.User user = TestUsers.aUser();
        String admin = Latchkey.adminToken();
        assertProblem(sendJson("POST", USERS, "{\"username\": \"" + user.username().toUpperCase() + "\"}", admin), 409);
        TestClients.Registered client = TestClients.confidentialClient("https://rp.example.com/cb");
        assertProblem(sendJson("POST", CLIENTS, Json.createObjectBuilder().add("client_id", client.clientId())
                .add("client_type", "confidential").add("grant_types", Json.createArrayBuilder().add("client_credentials"))
                .build().toString(), admin), 409);
    }

    @Test
    void unknownIdsAndBadPagingAreProblems() {
        String admin = Latchkey.adminToken();
        assertProblem(Latchkey.get(USERS + "/not-a-uuid", admin), 404);
        assertProblem(Latchkey.get(USERS + "/00000000-0000-7000-8000-000000000000", admin), 404);
        assertProblem(Latchkey.get(CLIENTS + "/no-such-client", admin), 404);
        assertProblem(Latchkey.get(USERS + "?size=100000", admin), 400);
        assertProblem(Latchkey.get(USERS + "?page=-1", admin), 400);
        assertProblem(Latchkey.get(CLIENTS + "?page=x", admin), 400);
    }

    @Test
    void aSessionCookieIsNoSubstituteForABearerToken() {
        String cookie = HttpLogin.sessionCookie(Latchkey.ADMIN_USERNAME, Latchkey.ADMIN_PASSWORD);
        HttpResponse<String> response = Latchkey.send(java.net.http.HttpRequest.newBuilder(Latchkey.uri(USERS))
                .header("Cookie", cookie).GET().build());
        assertEquals(401, response.statusCode());
    }
}

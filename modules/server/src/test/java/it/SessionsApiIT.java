package it;

import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static it.support.Latchkey.postForm;
import static it.support.Latchkey.sendJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session APIs over HTTP: a user lists and ends their own sessions
 * ({@code /api/v1/account/sessions}), an admin a user's ({@code /api/v1/admin/users/{id}/sessions}).
 * An ended session's cookie is refused and the refresh tokens issued in it (without
 * {@code offline_access}) stop working; another user's session id is as unknown as a made-up one.
 */
class SessionsApiIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final String MINE = "/api/v1/account/sessions";
    private static TestClients.Registered client;

    @BeforeAll
    static void setUp() {
        client = TestClients.confidentialClient(REDIRECT);
    }

    @Test
    void twoLoginsOfOneUserAreTwoSessionsWithTheirDeviceAddressAndHowTheUserAuthenticated() {
        TestUsers.User user = TestUsers.aUser();
        String first = HttpLogin.sessionCookie(user.username(), user.password());
        String firstSid = sid(tokensIn(first));
        String second = HttpLogin.sessionCookie(user.username(), user.password());

        JsonArray sessions = list(MINE, userToken(user));

        assertEquals(2, sessions.size(), sessions.toString());
        assertTrue(ids(sessions).contains(firstSid), sessions.toString());
        assertEquals(List.of(client.clientId()), strings(session(sessions, firstSid).getJsonArray("clientIds")),
                "the session that issued a code names its client");
        for (JsonObject session : sessions.getValuesAs(JsonObject.class)) {
            assertTrue(Set.of("127.0.0.1", "0:0:0:0:0:0:0:1").contains(session.getString("ipAddress")), session.toString());
            assertFalse(session.containsKey("place"), "a loopback address has no place, even with an IP database");
            assertTrue(strings(session.getJsonArray("amr")).contains("pwd"), session.toString());
            assertTrue(session.containsKey("deviceLabel") && session.containsKey("createdAt")
                    && session.containsKey("lastSeenAt") && session.containsKey("authenticatedAt")
                    && session.containsKey("clientIds"), session.toString());
        }
        assertTrue(signedIn(second));
    }

    @Test
    void endingOneOfMySessionsRefusesItsCookieAndItsRefreshTokenAndLeavesTheOtherAlone() {
        TestUsers.User user = TestUsers.aUser();
        String first = HttpLogin.sessionCookie(user.username(), user.password());
        JsonObject tokens = tokensIn(first);
        String second = HttpLogin.sessionCookie(user.username(), user.password());
        String token = userToken(user);

        HttpResponse<String> ended = sendJson("DELETE", MINE + "/" + sid(tokens), null, token);

        assertEquals(204, ended.statusCode(), ended.body());
        assertFalse(signedIn(first), "the ended session's cookie is refused");
        assertEquals(400, refresh(tokens).statusCode(), "its refresh token without offline_access is revoked");
        assertTrue(signedIn(second));
        assertEquals(1, list(MINE, token).size());
        assertProblem(sendJson("DELETE", MINE + "/" + sid(tokens), null, token), 404);
    }

    @Test
    void endingAllMySessionsSignsOutEveryBrowser() {
        TestUsers.User user = TestUsers.aUser();
        String first = HttpLogin.sessionCookie(user.username(), user.password());
        String second = HttpLogin.sessionCookie(user.username(), user.password());
        String token = userToken(user);

        assertEquals(204, sendJson("DELETE", MINE, null, token).statusCode());

        assertFalse(signedIn(first));
        assertFalse(signedIn(second));
        assertEquals(0, list(MINE, token).size());
        assertEquals(204, sendJson("DELETE", MINE, null, token).statusCode(), "ending none is no error");
    }

    @Test
    void anotherUsersSessionIdIsNotFoundAndThatSessionLivesOn() {
        TestUsers.User owner = TestUsers.aUser();
        TestUsers.User other = TestUsers.aUser();
        String ownersSession = HttpLogin.sessionCookie(owner.username(), owner.password());
        String id = ids(list(MINE, userToken(owner))).get(0);

        assertProblem(sendJson("DELETE", MINE + "/" + id, null, userToken(other)), 404);
        assertProblem(sendJson("DELETE", adminPath(other.id()) + "/" + id, null, Latchkey.adminToken()), 404);

        assertTrue(signedIn(ownersSession));
        assertEquals(List.of(id), ids(list(MINE, userToken(owner))));
        assertEquals(0, list(MINE, userToken(other)).size(), "the other user sees none of the owner's sessions");
    }

    @Test
    void anAdminListsAndEndsAUsersSessions() {
        TestUsers.User user = TestUsers.aUser();
        String first = HttpLogin.sessionCookie(user.username(), user.password());
        String second = HttpLogin.sessionCookie(user.username(), user.password());
        String admin = Latchkey.adminToken();
        List<String> ids = ids(list(adminPath(user.id()), admin));
        assertEquals(2, ids.size());

        assertEquals(204, sendJson("DELETE", adminPath(user.id()) + "/" + ids.get(0), null, admin).statusCode());
        assertEquals(ids.subList(1, 2), ids(list(adminPath(user.id()), admin)));
        assertEquals(1, List.of(first, second).stream().filter(SessionsApiIT::signedIn).count());

        assertEquals(204, sendJson("DELETE", adminPath(user.id()), null, admin).statusCode());
        assertEquals(0, list(adminPath(user.id()), admin).size());
        assertFalse(signedIn(first) || signedIn(second));
    }

    @Test
    void aUserWithoutTheAdminRoleMayNotListOrEndAnothersSessions() {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        String token = userToken(user);

        assertEquals(403, Latchkey.get(adminPath(user.id()), token).statusCode());
        assertEquals(403, sendJson("DELETE", adminPath(user.id()), null, token).statusCode());
        assertTrue(signedIn(session), "nothing ended");
    }

    @Test
    void malformedOversizedOrUnknownIdsAre404ProblemsNever500() {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        String token = userToken(user);
        String admin = Latchkey.adminToken();
        String oversized = "a".repeat(2000);

        for (String id : List.of(oversized, "not%20a%20session", "%E2%9C%93", "unknown-session-id")) {
            assertProblem(sendJson("DELETE", MINE + "/" + id, null, token), 404);
            assertProblem(sendJson("DELETE", adminPath(user.id()) + "/" + id, null, admin), 404);
        }
        for (String userId : List.of(oversized, "not-a-uuid", "%E2%9C%93", user.id() + "0")) {
            assertProblem(Latchkey.get(adminPath(userId), admin), 404);
            assertProblem(sendJson("DELETE", adminPath(userId), null, admin), 404);
        }
        assertEquals(0, list(adminPath("00000000-0000-0000-0000-000000000000"), admin).size(), "an unknown user has none");
        assertTrue(signedIn(session), "nothing ended");
    }

    @Test
    void withoutAUsersTokenTheApiAnswers401() {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        TestClients.Registered machine = TestClients.confidentialClient(REDIRECT, "client_credentials");
        String clientToken = Latchkey.json(postForm("/token", "grant_type=client_credentials",
                "Authorization", basic(machine.clientId(), machine.secret()))).getString("access_token");

        assertEquals(401, Latchkey.get(MINE).statusCode());
        assertEquals(401, sendJson("DELETE", MINE, null, null).statusCode());
        assertEquals(401, Latchkey.get(MINE, "not-a-jwt").statusCode());
        assertEquals(401, Latchkey.get(adminPath(user.id())).statusCode());
        assertEquals(401, sendJson("DELETE", adminPath(user.id()), null, null).statusCode());
        assertEquals(401, Latchkey.get(MINE, clientToken).statusCode(), "a client's token names no user");
        assertEquals(401, sendJson("DELETE", MINE, null, clientToken).statusCode());
        assertTrue(signedIn(session), "nothing ended");
    }

    private static String adminPath(String userId) {
        return "/api/v1/admin/users/" + userId + "/sessions";
    }

    /** An access token of the user that belongs to no session (password grant of the admin CLI). */
    private static String userToken(TestUsers.User user) {
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password())));
        assertEquals(200, response.statusCode(), response.body());
        return Latchkey.json(response).getString("access_token");
    }

    /** Tokens (ID, access, refresh without offline_access) issued in the browser session {@code session}. */
    private static JsonObject tokensIn(String session) {
        Pkce pkce = Pkce.create();
        HttpResponse<String> redirect = HttpLogin.authorize(session, form(params("response_type", "code",
                "client_id", client.clientId(), "redirect_uri", REDIRECT, "scope", "openid",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code",
                        "code", HttpLogin.code(redirect), "redirect_uri", REDIRECT, "code_verifier", pkce.verifier())),
                "Authorization", basic(client.clientId(), client.secret()));
        assertEquals(200, response.statusCode(), response.body());
        return Latchkey.json(response);
    }

    private static HttpResponse<String> refresh(JsonObject tokens) {
        return postForm("/token", form(params("grant_type", "refresh_token",
                "refresh_token", tokens.getString("refresh_token"))), "Authorization",
                basic(client.clientId(), client.secret()));
    }

    private static String sid(JsonObject tokens) {
        try {
            return SignedJWT.parse(tokens.getString("id_token")).getJWTClaimsSet().getStringClaim("sid");
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** True when the account page sees the cookie's session (without one it sends the browser to log in). */
    private static boolean signedIn(String sessionCookie) {
        HttpResponse<String> account = Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/account"))
                .header("Cookie", sessionCookie).GET().build());
        return account.statusCode() == 200;
    }

    private static JsonArray list(String path, String token) {
        HttpResponse<String> response = Latchkey.get(path, token);
        assertEquals(200, response.statusCode(), response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readArray();
        }
    }

    private static List<String> ids(JsonArray sessions) {
        return sessions.getValuesAs(JsonObject.class).stream().map(session -> session.getString("id")).toList();
    }

    private static JsonObject session(JsonArray sessions, String id) {
        return sessions.getValuesAs(JsonObject.class).stream().filter(session -> id.equals(session.getString("id")))
                .findFirst().orElseThrow(() -> new AssertionError("no session " + id + " in " + sessions));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals(status, Latchkey.json(response).getInt("status"));
    }
}

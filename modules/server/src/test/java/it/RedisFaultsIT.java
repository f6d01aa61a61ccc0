package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.RedisServerProcess;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Redis going away and coming back, against a Liberty of its own (started by the pom on port
 * 9380, before its Redis runs) and a real {@code redis-server} this test owns on port 9381, which
 * keeps nothing on disk: while Redis is away the server is not ready and every endpoint that
 * needs Redis answers 503 — a page, an RFC 6749 error or a problem, never a 500 —; when Redis is
 * back the server is ready again and sign-in works, without a restart. The steps run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisFaultsIT {

    private static final String BASE = System.getProperty("latchkey.it.redis-faults-url", "http://localhost:9380");
    private static final int REDIS_PORT = Integer.getInteger("latchkey.it.redis-faults-redis-port", 9381);
    private static final Duration READINESS_DEADLINE = Duration.ofSeconds(30);

    private static final String USERNAME = "redis-faults-user";
    private static final String PASSWORD = "redis-faults-password-1";
    private static final String WEB_CLIENT = "redis-faults-web";
    private static final String WEB_SECRET = "redis-faults-web-secret-0123456789abcdef";
    private static final String REDIRECT_URI = "http://127.0.0.1:9399/callback";
    private static final String SERVICE_CLIENT = "redis-faults-service";
    private static final String SERVICE_SECRET = "redis-faults-service-secret-0123456789abcdef";

    private static RedisServerProcess redis;
    /** The session cookie and the tokens of the login made while Redis ran the first time. */
    private static String sessionCookie;
    private static JsonObject tokens;
    /** A login form another browser loaded while Redis ran, and the CSRF cookie it came with. */
    private static HttpResponse<String> formBeforeOutage;

    @BeforeAll
    static void redisNotStartedYet() {
        redis = new RedisServerProcess(REDIS_PORT);
    }

    @AfterAll
    static void stopRedis() {
        redis.stop();
    }

    @Test
    @Order(1)
    void beforeRedisEverRanTheServerIsLiveButNotReadyAndSignInAnswers503() {
        assertEquals(200, get("/health/live").statusCode());
        assertReadiness("DOWN");

        assertUnavailablePage(get("/login"), "Sign-in is temporarily unavailable");
        assertUnavailablePage(send(request("/login").header("Accept-Language", "de").GET().build()),
                "Die Anmeldung ist vorübergehend nicht verfügbar");

        // the password grant counts failures in Redis: RFC 6749 JSON, not a 500
        assertOAuthUnavailable(post("/token", Latchkey.form(Latchkey.params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", "admin", "password", "it-admin-password-1")), null));
        // the authorization endpoint redirects its error once the client and redirect URI are good
        assertRedirectedUnavailable(get("/authorize?" + authorizationQuery(Pkce.create(), "prompt", "login")));
        // client_credentials needs neither sessions nor the deny-list
        assertEquals(200, clientCredentials().statusCode());
    }

    @Test
    @Order(2)
    void whenRedisStartsTheServerBecomesReadyWithoutARestartAndALoginWorks() {
        redis.start();
        assertReadiness("UP");

        sessionCookie = logIn(null);
        tokens = codeFlow(sessionCookie);
        assertTrue(tokens.containsKey("id_token"), tokens.toString());
        formBeforeOutage = get("/login");
        assertEquals(200, formBeforeOutage.statusCode(), formBeforeOutage.body());
    }

    @Test
    @Order(3)
    void whenRedisStopsMidSessionEveryEndpointThatNeedsItAnswers503() {
        redis.stop();
        assertReadiness("DOWN");

        assertUnavailablePage(send(request("/login").header("Cookie", sessionCookie).GET().build()),
                "Sign-in is temporarily unavailable");
        // the form loaded before the outage, submitted during it
        assertUnavailablePage(post("/login", Latchkey.form(Latchkey.params("csrf",
                HttpLogin.csrfField(formBeforeOutage.body()), "username", USERNAME, "password", PASSWORD,
                "return_to", "/login")), null, "Cookie", HttpLogin.cookie(formBeforeOutage, "latchkey_csrf")),
                "Sign-in is temporarily unavailable");
        assertUnavailablePage(send(request("/consent?request=pending-before-the-outage")
                .header("Cookie", sessionCookie).GET().build()), "Sign-in is temporarily unavailable");
        assertUnavailablePage(send(request("/logout").header("Cookie", sessionCookie).GET().build()),
                "Sign-in is temporarily unavailable");
        assertRedirectedUnavailable(send(request("/authorize?" + authorizationQuery(Pkce.create()))
                .header("Cookie", sessionCookie).GET().build()));
        // the token's jti was never checked before: the deny-list must be asked, and it fails closed
        assertOAuthUnavailable(send(request("/userinfo")
                .header("Authorization", "Bearer " + tokens.getString("access_token")).GET().build()));
        HttpResponse<String> api = send(request("/api/v1/account")
                .header("Authorization", "Bearer " + tokens.getString("access_token")).GET().build());
        assertEquals(503, api.statusCode(), api.body());
        assertEquals("application/problem+json", api.headers().firstValue("Content-Type").orElse(""));
        assertEquals("urn:latchkey:problem:temporarily-unavailable", Latchkey.json(api).getString("type"));
        assertEquals("5", api.headers().firstValue("Retry-After").orElse(""));
        assertOAuthUnavailable(post("/introspect", "token=" + tokens.getString("access_token"),
                Latchkey.basic(WEB_CLIENT, WEB_SECRET)));
        assertOAuthUnavailable(post("/revoke", "token=" + tokens.getString("access_token"),
                Latchkey.basic(WEB_CLIENT, WEB_SECRET)));
        assertEquals(200, clientCredentials().statusCode());
    }

    @Test
    @Order(4)
    void whenRedisIsBackANewLoginWorksAndTheOldSessionIsGone() {
        redis.start();
        assertReadiness("UP");

        // this Redis kept nothing: the old cookie names no session, the login form is shown
        HttpResponse<String> page = send(request("/login").header("Cookie", sessionCookie).GET().build());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("name=\"password\""), page.body());
        // the access token of before was never revoked (the revocation above failed): still good
        HttpResponse<String> userinfo = send(request("/userinfo")
                .header("Authorization", "Bearer " + tokens.getString("access_token")).GET().build());
        assertEquals(200, userinfo.statusCode(), userinfo.body());

        String newSession = logIn(sessionCookie);
        JsonObject newTokens = codeFlow(newSession);
        HttpResponse<String> newUserinfo = send(request("/userinfo")
                .header("Authorization", "Bearer " + newTokens.getString("access_token")).GET().build());
        assertEquals(200, newUserinfo.statusCode(), newUserinfo.body());
        assertEquals(USERNAME, Latchkey.json(newUserinfo).getString("preferred_username", USERNAME));
    }

    // the steps

    /** Logs in through the form; returns the new session's Cookie header. */
    private static String logIn(String oldCookie) {
        HttpResponse<String> page = send(withCookie(request("/login"), oldCookie).GET().build());
        assertEquals(200, page.statusCode(), page.body());
        String cookies = HttpLogin.cookie(page, "latchkey_csrf") + (oldCookie == null ? "" : "; " + oldCookie);
        HttpResponse<String> submitted = post("/login", Latchkey.form(Latchkey.params("csrf",
                HttpLogin.csrfField(page.body()), "username", USERNAME, "password", PASSWORD,
                "return_to", "/login")), null, "Cookie", cookies);
        assertEquals(303, submitted.statusCode(), submitted.body());
        return HttpLogin.cookie(submitted, "latchkey_session");
    }

    /** An authorization code for the signed-in browser, redeemed at the token endpoint. */
    private static JsonObject codeFlow(String cookie) {
        Pkce pkce = Pkce.create();
        HttpResponse<String> redirect = send(request("/authorize?" + authorizationQuery(pkce))
                .header("Cookie", cookie).GET().build());
        String location = HttpLogin.location(redirect);
        assertTrue(location.startsWith(REDIRECT_URI + "?"), location);
        HttpResponse<String> token = post("/token", Latchkey.form(Latchkey.params("grant_type", "authorization_code",
                "code", HttpLogin.queryValue(location, "code"), "redirect_uri", REDIRECT_URI,
                "code_verifier", pkce.verifier())), Latchkey.basic(WEB_CLIENT, WEB_SECRET));
        assertEquals(200, token.statusCode(), token.body());
        return Latchkey.json(token);
    }

    private static String authorizationQuery(Pkce pkce, String... more) {
        Map<String, String> parameters = Latchkey.params("response_type", "code", "client_id", WEB_CLIENT,
                "redirect_uri", REDIRECT_URI, "scope", "openid profile", "state", "st-1",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256");
        parameters.putAll(Latchkey.params(more));
        return Latchkey.form(parameters);
    }

    private static HttpResponse<String> clientCredentials() {
        return post("/token", "grant_type=client_credentials", Latchkey.basic(SERVICE_CLIENT, SERVICE_SECRET));
    }

    // what the answers must look like

    /** Polls readiness until the session-store check is {@code status}; the database stays up throughout. */
    private static void assertReadiness(String status) {
        Instant deadline = Instant.now().plus(READINESS_DEADLINE);
        Map<String, String> checks = Map.of();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> ready = get("/health/ready");
            checks = Latchkey.json(ready).getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
            if (status.equals(checks.get("session-store"))) {
                assertEquals("UP".equals(status) ? 200 : 503, ready.statusCode(), ready.body());
                assertEquals("UP", checks.get("database"));
                return;
            }
        }
        throw new AssertionError("session-store did not become " + status + " within " + READINESS_DEADLINE + ": " + checks);
    }

    private static void assertUnavailablePage(HttpResponse<String> response, String heading) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(response.body().contains(heading), response.body());
    }

    private static void assertOAuthUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("temporarily_unavailable", Latchkey.json(response).getString("error"));
        assertEquals("5", response.headers().firstValue("Retry-After").orElse(""));
    }

    private static void assertRedirectedUnavailable(HttpResponse<String> response) {
        String location = HttpLogin.location(response);
        assertTrue(location.startsWith(REDIRECT_URI + "?"), location);
        assertEquals("temporarily_unavailable", HttpLogin.queryValue(location, "error"));
        assertEquals("st-1", HttpLogin.queryValue(location, "state"));
    }

    // plain HTTP against this test's server

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(BASE + path));
    }

    private static HttpRequest.Builder withCookie(HttpRequest.Builder request, String cookie) {
        return cookie == null ? request : request.header("Cookie", cookie);
    }

    private static HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    private static HttpResponse<String> post(String path, String body, String authorization, String... headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return Latchkey.send(request);
    }
}

package it;

import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.json;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes as one: node A (the usual IT server) and node B (a second Liberty server on the same
 * PostgreSQL schema, Redis and public URL) behind no load balancer, so every test chooses the
 * node of each request. What one node changes in its caches reaches the other through the
 * Redis broadcast: the deadline of {@link #PROPAGATION} is far below the caches' own expiry
 * (60 s for clients, a minute for the signing keys' periodic reload), so passing means the
 * broadcast did it.
 */
class ClusterIT {

    private static final String NODE_B = System.getProperty("latchkey.it.node-b-url", "http://localhost:9185");
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final String SIGNED_OUT = "https://rp.example.com/signed-out";

    private static TestClients.Registered client;

    @BeforeAll
    static void setUp() {
        client = TestClients.confidentialClient(REDIRECT, Json.createObjectBuilder()
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(SIGNED_OUT)).build());
    }

    private static URI onB(String path) {
        return URI.create(NODE_B + path);
    }

    /** An authorization code for {@code client} from the node at {@code baseUrl}, with the browser's session cookie. */
    private static String code(String baseUrl, String session, Pkce pkce) {
        HttpResponse<String> redirect = HttpLogin.authorize(baseUrl, session, form(params(
                "response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid profile", "state", "s1", "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256")));
        String location = HttpLogin.location(redirect);
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        return HttpLogin.code(redirect);
    }

    private static HttpResponse<String> token(URI tokenEndpoint, String clientId, String secret, String... parameters) {
        return Latchkey.postForm(tokenEndpoint, form(params(parameters)), "Authorization", basic(clientId, secret));
    }

    private static HttpResponse<String> redeem(URI tokenEndpoint, String code, Pkce pkce) {
        return token(tokenEndpoint, client.clientId(), client.secret(), "grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT, "code_verifier", pkce.verifier());
    }

    private static HttpResponse<String> refresh(URI tokenEndpoint, String refreshToken) {
        return token(tokenEndpoint, client.clientId(), client.secret(), "grant_type", "refresh_token",
                "refresh_token", refreshToken);
    }

    private static void assertInvalidGrant(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_grant", json(response).getString("error"));
    }

    /** Polls until {@code condition} holds, failing after {@link #PROPAGATION}. */
    private static void awaitPropagation(String what, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(PROPAGATION);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + PROPAGATION + ": " + what);
        }
    }

    private static String kid(String jwt) {
        try {
            return SignedJWT.parse(jwt).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void logInOnAThenAuthorizeOnBAndRedeemOnEitherNodeOnce() {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        Pkce first = Pkce.create();
        String fromB = code(NODE_B, session, first);
        HttpResponse<String> redeemedOnA = redeem(Latchkey.uri("/token"), fromB, first);
        assertEquals(200, redeemedOnA.statusCode(), redeemedOnA.body());
        assertInvalidGrant(redeem(onB("/token"), fromB, first));

        Pkce second = Pkce.create();
        String alsoFromB = code(NODE_B, session, second);
        HttpResponse<String> redeemedOnB = redeem(onB("/token"), alsoFromB, second);
        assertEquals(200, redeemedOnB.statusCode(), redeemedOnB.body());
        HttpResponse<String> userinfoOnA = Latchkey.get("/userinfo", json(redeemedOnB).getString("access_token"));
        assertEquals(200, userinfoOnA.statusCode(), userinfoOnA.body());
        // a replayed code revokes what it was exchanged for (RFC 6749 §4.1.2), whichever node sees the replay
        assertInvalidGrant(redeem(Latchkey.uri("/token"), alsoFromB, second));
        assertEquals(401, Latchkey.get("/userinfo", json(redeemedOnB).getString("access_token")).statusCode());
    }

    /** A browser signed in on A, and the ID token and refresh token (bound to its session) of a code it got there. */
    private record SignedIn(String session, String idToken, String refreshToken) {

        static SignedIn onA() {
            TestUsers.User user = TestUsers.aUser();
            String session = HttpLogin.sessionCookie(user.username(), user.password());
            Pkce pkce = Pkce.create();
            HttpResponse<String> tokens = redeem(Latchkey.uri("/token"), code(Latchkey.BASE_URL, session, pkce), pkce);
            assertEquals(200, tokens.statusCode(), tokens.body());
            return new SignedIn(session, json(tokens).getString("id_token"), json(tokens).getString("refresh_token"));
        }
    }

    @Test
    void refreshOnBThenTheOldTokenReplayedOnARevokesTheFamily() {
        String first = SignedIn.onA().refreshToken();

        HttpResponse<String> refreshedOnB = refresh(onB("/token"), first);
        assertEquals(200, refreshedOnB.statusCode(), refreshedOnB.body());
        String second = json(refreshedOnB).getString("refresh_token");

        assertInvalidGrant(refresh(Latchkey.uri("/token"), first));
        assertInvalidGrant(refresh(onB("/token"), second));
    }

    @Test
    void clientSecretRotatedOnAThenBRefusesTheOldSecretAndTakesTheNew() {
        TestClients.Registered machine = TestClients.confidentialClient(REDIRECT, "client_credentials");
        String[] grant = {"grant_type", "client_credentials"};
        // B reads the client into its cache
        assertEquals(200, token(onB("/token"), machine.clientId(), machine.secret(), grant).statusCode());

        HttpResponse<String> rotated = Latchkey.sendJson("POST", "/api/v1/admin/clients/" + machine.clientId()
                + "/secret", null, Latchkey.adminToken());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newSecret = json(rotated).getString("client_secret");

        awaitPropagation("B refuses the old secret", () ->
                token(onB("/token"), machine.clientId(), machine.secret(), grant).statusCode() == 401);
        assertEquals(200, token(onB("/token"), machine.clientId(), newSecret, grant).statusCode());
    }

    @Test
    void signingKeyRotatedOnAThenBSignsWithTheNewKey() {
        TestClients.Registered machine = TestClients.confidentialClient(REDIRECT, "client_credentials");
        Supplier<String> kidOnB = () -> kid(json(token(onB("/token"), machine.clientId(), machine.secret(),
                "grant_type", "client_credentials")).getString("access_token"));
        String before = kidOnB.get();

        HttpResponse<String> rotated = Latchkey.sendJson("POST", "/api/v1/admin/keys/rotate?alg=ES256", null,
                Latchkey.adminToken());
        assertEquals(200, rotated.statusCode(), rotated.body());
        String active = json(rotated).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("alg").equals("ES256") && key.getString("status").equals("active"))
                .map(key -> key.getString("kid")).findFirst().orElseThrow();
        assertNotEquals(before, active);

        awaitPropagation("B signs with " + active, () -> kidOnB.get().equals(active));
    }

    @Test
    void userDisabledOnAThenBRefusesTheUsersTokenAtUserinfoAndTheUsersPassword() {
        TestUsers.User user = TestUsers.aUser();
        HttpResponse<String> tokens = Latchkey.postForm(onB("/token"), form(params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password(),
                "scope", "openid")));
        assertEquals(200, tokens.statusCode(), tokens.body());
        String accessToken = json(tokens).getString("access_token");
        // B reads the user into its userinfo cache
        assertEquals(200, Latchkey.send(HttpRequest.newBuilder(onB("/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build()).statusCode());

        HttpResponse<String> disabled = Latchkey.sendJson("POST", "/api/v1/admin/users/" + user.id() + "/disable",
                null, Latchkey.adminToken());
        assertEquals(204, disabled.statusCode(), disabled.body());

        awaitPropagation("B's userinfo refuses the disabled user", () -> Latchkey.send(HttpRequest
                .newBuilder(onB("/userinfo")).header("Authorization", "Bearer " + accessToken).GET().build())
                .statusCode() == 401);
        HttpResponse<String> passwordOnB = Latchkey.postForm(onB("/token"), form(params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password())));
        assertInvalidGrant(passwordOnB);
    }

    @Test
    void clientAssertionUsedOnAThenItsJtiReplayedOnBIsRefused() throws JOSEException {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("cluster-it").generate();
        JsonObject jwks = Json.createObjectBuilder().add("keys", Json.createArrayBuilder()
                .add(Json.createReader(new StringReader(key.toPublicJWK().toJSONString())).readObject())).build();
        TestClients.Registered keyClient = TestClients.confidentialClient(REDIRECT, Json.createObjectBuilder()
                .add("token_endpoint_auth_method", "private_key_jwt").add("jwks", jwks).build(), "client_credentials");
        // the audience is the issuer's token endpoint, the same for both nodes
        String assertion = new PrivateKeyJWT(new ClientID(keyClient.clientId()), Latchkey.uri("/token"),
                JWSAlgorithm.ES256, key.toECPrivateKey(), key.getKeyID(), null).getClientAssertion().serialize();
        String body = form(params("grant_type", "client_credentials", "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", "client_assertion", assertion));

        assertEquals(200, Latchkey.postForm("/token", body).statusCode());
        HttpResponse<String> replayed = Latchkey.postForm(onB("/token"), body);
        assertEquals(401, replayed.statusCode(), replayed.body());
        assertEquals("invalid_client", json(replayed).getString("error"));
    }

    @Test
    void logoutOnBThenARefusesTheSessionCookieAndItsRefreshToken() {
        SignedIn signedIn = SignedIn.onA();

        HttpResponse<String> logout = Latchkey.send(HttpRequest.newBuilder(onB("/logout?" + form(params(
                        "id_token_hint", signedIn.idToken(), "post_logout_redirect_uri", SIGNED_OUT, "state", "bye"))))
                .header("Cookie", signedIn.session()).GET().build());
        String back = HttpLogin.location(logout);
        assertTrue(back.startsWith(SIGNED_OUT + "?"), back);

        HttpResponse<String> authorizeOnA = HttpLogin.authorize(signedIn.session(), form(params(
                "response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid", "code_challenge", Pkce.create().challenge(), "code_challenge_method", "S256")));
        String location = HttpLogin.location(authorizeOnA);
        assertTrue(location.contains("/login?"), "A sends the browser to sign in: " + location);
        assertInvalidGrant(refresh(Latchkey.uri("/token"), signedIn.refreshToken()));
    }
}

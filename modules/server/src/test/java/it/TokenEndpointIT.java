package it;

import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static it.support.Latchkey.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The token endpoint's contract over HTTP: every bad input gets its RFC 6749 §5.2 error, JSON
 * and no-store, and changes nothing.
 */
class TokenEndpointIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static TestClients.Registered client;
    private static TestClients.Registered otherApp;
    private static TestClients.Registered machine;
    private static String session;

    @BeforeAll
    static void setUp() {
        client = TestClients.confidentialClient(REDIRECT);
        otherApp = TestClients.confidentialClient(REDIRECT);
        machine = TestClients.confidentialClient(REDIRECT, "client_credentials");
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    private static String codeFor(TestClients.Registered registered, Pkce pkce) {
        HttpResponse<String> redirect = HttpLogin.authorize(session, form(params(
                "response_type", "code", "client_id", registered.clientId(), "redirect_uri", registered.redirectUri(),
                "scope", "openid offline_access", "state", "s1", "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256")));
        assertTrue(redirect.statusCode() == 302 || redirect.statusCode() == 303, redirect.body());
        return HttpLogin.code(redirect);
    }

    private static HttpResponse<String> redeem(String code, String verifier) {
        return postForm("/token", form(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier)), "Authorization", basic(client.clientId(), client.secret()));
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject body = Latchkey.json(response);
        assertEquals(error, body.getString("error"));
        assertFalse(body.getString("error_description", "").isBlank());
    }

    @Test
    void codeWithTheRightVerifierIsExchangedOnceAndAReplayIsRefused() {
        Pkce pkce = Pkce.create();
        String code = codeFor(client, pkce);

        HttpResponse<String> first = redeem(code, pkce.verifier());
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(""));
        JsonObject tokens = Latchkey.json(first);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.containsKey("id_token") && tokens.containsKey("refresh_token"));

        assertError(redeem(code, pkce.verifier()), 400, "invalid_grant");
    }

    @Test
    void wrongPkceVerifierIsInvalidGrantAndBurnsTheCode() {
        Pkce pkce = Pkce.create();
        String code = codeFor(client, pkce);
        assertError(redeem(code, Pkce.create().verifier()), 400, "invalid_grant");
        assertError(redeem(code, pkce.verifier()), 400, "invalid_grant");
    }

    @Test
    void missingVerifierForACodeWithAChallengeIsRefused() {
        String code = codeFor(client, Pkce.create());
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT)), "Authorization", basic(client.clientId(), client.secret()));
        assertError(response, 400, "invalid_grant");
    }

    @Test
    void aDifferentRedirectUriThanTheCodesIsInvalidGrant() {
        Pkce pkce = Pkce.create();
        String code = codeFor(client, pkce);
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT + "/other", "code_verifier", pkce.verifier())),
                "Authorization", basic(client.clientId(), client.secret()));
        assertError(response, 400, "invalid_grant");
    }

    @Test
    void aCodeIssuedToAnotherClientIsInvalidGrant() {
        Pkce pkce = Pkce.create();
        String code = codeFor(client, pkce);
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", pkce.verifier())),
                "Authorization", basic(otherApp.clientId(), otherApp.secret()));
        assertError(response, 400, "invalid_grant");
    }

    @Test
    void wrongClientSecretIsInvalidClientWithABasicChallenge() {
        HttpResponse<String> response = postForm("/token", "grant_type=client_credentials",
                "Authorization", basic(machine.clientId(), "not-the-secret"));
        assertError(response, 401, "invalid_client");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    }

    @Test
    void unknownClientAndSecretInTheBodyAreInvalidClient() {
        assertError(postForm("/token", form(params("grant_type", "client_credentials", "client_id", "no-such-client",
                "client_secret", "whatever-whatever-whatever-whatever"))), 401, "invalid_client");
    }

    @Test
    void clientCredentialsIssueAnAccessTokenOnly() {
        HttpResponse<String> response = postForm("/token", "grant_type=client_credentials&scope=api%3Aread",
                "Authorization", basic(machine.clientId(), machine.secret()));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject tokens = Latchkey.json(response);
        assertEquals("api:read", tokens.getString("scope"));
        assertFalse(tokens.containsKey("refresh_token"));
        assertFalse(tokens.containsKey("id_token"));
    }

    @Test
    void unknownGrantTypeIsUnsupportedGrantType() {
        assertError(postForm("/token", "grant_type=urn%3Aexample%3Amagic",
                "Authorization", basic(machine.clientId(), machine.secret())), 400, "unsupported_grant_type");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertError(postForm("/token", "scope=openid", "Authorization", basic(machine.clientId(), machine.secret())),
                400, "invalid_request");
    }

    @Test
    void aDuplicatedParameterIsInvalidRequest() {
        assertError(postForm("/token", "grant_type=client_credentials&grant_type=client_credentials",
                "Authorization", basic(machine.clientId(), machine.secret())), 400, "invalid_request");
    }

    @Test
    void anOversizedParameterIsInvalidRequest() {
        assertError(postForm("/token", "grant_type=client_credentials&scope=" + "a".repeat(10_000),
                "Authorization", basic(machine.clientId(), machine.secret())), 400, "invalid_request");
    }

    @Test
    void aGrantTheClientMayNotUseIsUnauthorizedClient() {
        assertError(postForm("/token", "grant_type=client_credentials",
                "Authorization", basic(client.clientId(), client.secret())), 400, "unauthorized_client");
    }

    @Test
    void aScopeBeyondTheClientsIsInvalidScope() {
        assertError(postForm("/token", "grant_type=client_credentials&scope=admin%3Aeverything",
                "Authorization", basic(machine.clientId(), machine.secret())), 400, "invalid_scope");
    }

    @Test
    void aRotatedRefreshTokenReplayedRevokesTheFamily() {
        Pkce pkce = Pkce.create();
        JsonObject tokens = Latchkey.json(redeem(codeFor(client, pkce), pkce.verifier()));
        String first = tokens.getString("refresh_token");

        HttpResponse<String> rotated = postForm("/token", form(params("grant_type", "refresh_token", "refresh_token", first)),
                "Authorization", basic(client.clientId(), client.secret()));
        assertEquals(200, rotated.statusCode(), rotated.body());
        String second = Latchkey.json(rotated).getString("refresh_token");

        assertError(postForm("/token", form(params("grant_type", "refresh_token", "refresh_token", first)),
                "Authorization", basic(client.clientId(), client.secret())), 400, "invalid_grant");
        assertError(postForm("/token", form(params("grant_type", "refresh_token", "refresh_token", second)),
                "Authorization", basic(client.clientId(), client.secret())), 400, "invalid_grant");
    }

    @Test
    void wrongHttpMethodAndMediaTypeAreRefusedWithoutA500() {
        assertTrue(Latchkey.get("/token").statusCode() == 405);
        HttpResponse<String> json = Latchkey.sendJson("POST", "/token", "{\"grant_type\":\"client_credentials\"}", null);
        assertTrue(json.statusCode() == 415 || json.statusCode() == 400, json.body());
    }
}

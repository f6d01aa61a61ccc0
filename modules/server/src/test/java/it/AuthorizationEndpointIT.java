package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization endpoint's error handling (RFC 6749 §4.1.2.1): an unknown client or
 * redirect URI gets an error page and never a redirect; every other error is redirected to the
 * client with {@code state} and {@code iss}.
 */
class AuthorizationEndpointIT {

    private static final String REDIRECT = "https://rp.example.com/cb";
    private static TestClients.Registered spa;
    private static String session;

    @BeforeAll
    static void setUp() {
        spa = TestClients.publicClient(REDIRECT);
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    private static HttpResponse<String> authorize(String query) {
        return HttpLogin.authorize(session, query);
    }

    private static void assertErrorPage(HttpResponse<String> response) {
        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Location").isEmpty());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
    }

    private static String redirectedError(HttpResponse<String> response) {
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303, response.statusCode() + " " + response.body());
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(REDIRECT + "?"), location.toString());
        String query = location.getRawQuery();
        assertTrue(query.contains("state=xyz"), query);
        assertTrue(query.contains("iss=" + Latchkey.encode(Latchkey.BASE_URL)), query);
        for (String pair : query.split("&")) {
            if (pair.startsWith("error=")) {
                return pair.substring(6);
            }
        }
        throw new AssertionError("no error in " + query);
    }

    @Test
    void unknownClientGetsAnErrorPage() {
        assertErrorPage(authorize(form(params("response_type", "code", "client_id", "no-such-client",
                "redirect_uri", REDIRECT, "state", "xyz"))));
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageNotARedirect() {
        assertErrorPage(authorize(form(params("response_type", "code", "client_id", spa.clientId(),
                "redirect_uri", "https://evil.example.com/cb", "state", "xyz"))));
        assertErrorPage(authorize(form(params("response_type", "code", "client_id", spa.clientId(),
                "redirect_uri", REDIRECT + "/", "state", "xyz"))));
    }

    @Test
    void duplicatedClientIdGetsAnErrorPage() {
        assertErrorPage(authorize("response_type=code&client_id=" + spa.clientId() + "&client_id=" + spa.clientId()
                + "&redirect_uri=" + Latchkey.encode(REDIRECT)));
    }

    @Test
    void missingPkceForAPublicClientIsRedirectedAsInvalidRequest() {
        assertEquals("invalid_request", redirectedError(authorize(form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid", "state", "xyz")))));
    }

    @Test
    void plainPkceIsRefused() {
        assertEquals("invalid_request", redirectedError(authorize(form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid", "state", "xyz",
                "code_challenge", Pkce.create().verifier(), "code_challenge_method", "plain")))));
    }

    @Test
    void tokenResponseTypeIsUnsupported() {
        assertEquals("unsupported_response_type", redirectedError(authorize(form(params("response_type", "token",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid", "state", "xyz",
                "code_challenge", Pkce.create().challenge(), "code_challenge_method", "S256")))));
    }

    @Test
    void unknownScopeIsInvalidScope() {
        assertEquals("invalid_scope", redirectedError(authorize(form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid launch-missiles", "state", "xyz",
                "code_challenge", Pkce.create().challenge(), "code_challenge_method", "S256")))));
    }

    @Test
    void aDuplicatedParameterIsInvalidRequest() {
        assertEquals("invalid_request", redirectedError(authorize(form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "state", "xyz",
                "code_challenge", Pkce.create().challenge(), "code_challenge_method", "S256")) + "&scope=openid&scope=openid")));
    }

    @Test
    void anOversizedParameterIsInvalidRequest() {
        assertEquals("invalid_request", redirectedError(authorize(form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid", "state", "xyz",
                "nonce", "n".repeat(5000), "code_challenge", Pkce.create().challenge(),
                "code_challenge_method", "S256")))));
    }

    @Test
    void withoutASessionTheBrowserIsSentToTheLoginPageAndBack() {
        String query = form(params("response_type", "code", "client_id", spa.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid", "state", "xyz", "code_challenge", Pkce.create().challenge(),
                "code_challenge_method", "S256"));
        HttpResponse<String> response = Latchkey.get("/authorize?" + query);
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/login?return_to="), location);
    }

    @Test
    void promptNoneWithoutASessionIsLoginRequired() {
        HttpResponse<String> response = Latchkey.get("/authorize?" + form(params("response_type", "code",
                "client_id", spa.clientId(), "redirect_uri", REDIRECT, "scope", "openid", "state", "xyz",
                "prompt", "none", "code_challenge", Pkce.create().challenge(), "code_challenge_method", "S256")));
        assertEquals("login_required", redirectedError(response));
    }
}

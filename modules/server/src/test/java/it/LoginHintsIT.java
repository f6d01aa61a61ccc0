package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code login_hint} and {@code ui_locales} (OIDC Core §3.1.2.1) reach the login page through
 * the authorization endpoint: the hint prefills the username field, escaped; the first supported
 * language of ui_locales wins over Accept-Language, on the login page and on the error page.
 */
class LoginHintsIT {

    private static final String REDIRECT = "https://rp.example.com/hints-cb";
    private static TestClients.Registered client;

    @BeforeAll
    static void setUp() {
        client = TestClients.publicClient(REDIRECT);
    }

    /** The login page the authorization endpoint sends a browser without a session to. */
    private static HttpResponse<String> loginPageFor(String... more) {
        String query = form(params("response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid", "state", "xyz", "code_challenge", Pkce.create().challenge(),
                "code_challenge_method", "S256")) + "&" + form(params(more));
        HttpResponse<String> redirect = Latchkey.get("/authorize?" + query);
        assertEquals(303, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(Latchkey.BASE_URL + "/login?"), location);
        return Latchkey.send(HttpRequest.newBuilder(Latchkey.uri(location.substring(Latchkey.BASE_URL.length())))
                .header("Accept-Language", "en").GET().build());
    }

    @Test
    void loginHintPrefillsTheUsernameFieldEscaped() {
        HttpResponse<String> page = loginPageFor("login_hint", "alice\"><script>x</script>@example.com");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("value=\"alice&quot;&gt;&lt;script&gt;x&lt;/script&gt;@example.com\""),
                page.body());
        assertFalse(page.body().contains("<script>x"));
    }

    @Test
    void uiLocalesDeGivesTheGermanPageAndIsCarriedIntoTheForm() {
        HttpResponse<String> page = loginPageFor("ui_locales", "fr-CA de");

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Anmelden"), page.body());
        assertTrue(page.body().contains("name=\"ui_locales\" value=\"fr-CA de\""), page.body());
    }

    @Test
    void uiLocalesDeGivesTheGermanErrorPage() {
        HttpResponse<String> page = Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/authorize?"
                + form(params("response_type", "code", "client_id", "no-such-client", "ui_locales", "de"))))
                .header("Accept-Language", "en").GET().build());

        assertEquals(400, page.statusCode());
        assertTrue(page.body().contains("Diese Anfrage kann nicht ausgeführt werden"), page.body());
    }
}

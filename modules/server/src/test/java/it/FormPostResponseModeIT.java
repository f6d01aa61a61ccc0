package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import it.support.Browser;
import it.support.CallbackReceiver;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * OAuth 2.0 Form Post Response Mode: the authorization response is a page whose form POSTs
 * code, state and iss to the redirect URI — submitted by a script served from this origin (the
 * CSP allows no inline script), or by a visible button — never cached.
 */
class FormPostResponseModeIT {

    private WebDriver browser;
    private CallbackReceiver receiver;

    @BeforeEach
    void start() {
        browser = Browser.start();
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stop() {
        browser.quit();
        receiver.close();
    }

    private String request(TestClients.Registered client, Pkce pkce) {
        return "/authorize?" + form(params("response_type", "code", "client_id", client.clientId(),
                "redirect_uri", client.redirectUri(), "scope", "openid", "state", "st-1", "response_mode", "form_post",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }

    @Test
    void theBrowserPostsTheCodeToTheRedirectUri() throws Exception {
        TestClients.Registered client = TestClients.confidentialClient(receiver.redirectUri());
        TestUsers.User user = TestUsers.aUser();

        browser.get(Latchkey.BASE_URL + request(client, Pkce.create()));
        Browser.logIn(browser, user);

        AuthorizationResponse callback = AuthorizationResponse.parse(receiver.awaitCallback());
        assertEquals("POST", receiver.method());
        assertTrue(callback.indicatesSuccess(), () -> callback.toErrorResponse().getErrorObject().toString());
        AuthorizationSuccessResponse success = callback.toSuccessResponse();
        assertEquals("st-1", success.getState().getValue());
        assertEquals(Latchkey.BASE_URL, success.getIssuer().getValue());
        assertTrue(success.getAuthorizationCode() != null);
    }

    @Test
    void thePageIsAFormWithAVisibleButtonAnExternalScriptAndNoStore() {
        TestClients.Registered client = TestClients.confidentialClient("https://rp.example.com/form-post-cb");
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        HttpResponse<String> page = HttpLogin.authorize(session, request(client, Pkce.create()).substring("/authorize?".length()));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        String body = page.body();
        assertTrue(body.contains("method=\"post\" action=\"https://rp.example.com/form-post-cb\""), body);
        assertTrue(body.contains("type=\"hidden\" name=\"code\""), body);
        assertTrue(body.contains("name=\"state\" value=\"st-1\""), body);
        assertTrue(body.contains("name=\"iss\" value=\"" + Latchkey.BASE_URL + "\""), body);
        assertTrue(body.contains("<button type=\"submit\""), body);
        assertTrue(body.contains("<script src=\"/assets/form-post.js\"></script>"), body);
        HttpResponse<String> script = Latchkey.get("/assets/form-post.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains(".submit()"));
    }

    @Test
    void anErrorIsPostedToo() {
        TestClients.Registered client = TestClients.confidentialClient("https://rp.example.com/form-post-cb");
        HttpResponse<String> page = Latchkey.get("/authorize?" + form(params("response_type", "code",
                "client_id", client.clientId(), "redirect_uri", client.redirectUri(), "scope", "openid nonsense",
                "state", "st-2", "response_mode", "form_post")));

        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("name=\"error\" value=\"invalid_scope\""), page.body());
        assertTrue(page.body().contains("name=\"state\" value=\"st-2\""), page.body());
    }
}

package it;

import static it.support.HttpLogin.location;
import static it.support.HttpLogin.queryValue;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import it.support.Browser;
import it.support.CallbackReceiver;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.RelyingParty;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * OpenID Connect RP-Initiated Logout with the Nimbus SDK as the relying party: a logout with the
 * session's ID token ends the session at once (its refresh tokens without offline_access stop
 * working) and returns to the registered URI with state; without a hint the user confirms first
 * (in Chromium, in German); bad requests get an error page and end nothing.
 */
class LogoutIT {

    private static final String CALLBACK = "https://rp.example.com/logout-it-cb";
    private static final String BYE = "https://rp.example.com/logout-it-bye";
    private static final Pattern REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([A-Za-z0-9_-]+)\"");

    private static OIDCProviderMetadata provider;
    private static TestClients.Registered client;
    private static RelyingParty rp;

    @BeforeAll
    static void registerAClientWithAPostLogoutRedirectUri() throws Exception {
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        client = TestClients.confidentialClient(CALLBACK, Json.createObjectBuilder()
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(BYE)).build());
        rp = new RelyingParty(provider, client);
    }

    @Test
    void discoveryAdvertisesTheEndSessionEndpoint() {
        assertEquals(URI.create(Latchkey.BASE_URL + "/logout"), provider.getEndSessionEndpointURI());
    }

    @Test
    void aLogoutWithTheSessionsIdTokenEndsItAtOnceRevokesItsRefreshTokensAndReturnsWithState() throws Exception {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        OIDCTokenResponse online = rp.tokens(session, new Scope("openid"));
        OIDCTokenResponse offline = rp.tokens(session, new Scope("openid", "offline_access"));
        State state = new State();

        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), online.getOIDCTokens().getIDToken(),
                URI.create(BYE), state).toURI();
        HttpResponse<String> answer = get(logout, session);

        String back = location(answer);
        assertTrue(back.startsWith(BYE + "?"), back);
        assertEquals(state.getValue(), queryValue(back, "state"));
        assertTrue(answer.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.toLowerCase(java.util.Locale.ROOT))
                .anyMatch(cookie -> cookie.contains("latchkey_session=") && cookie.contains("max-age=0")),
                "the browser forgets its session cookie");
        assertFalse(signedIn(session), "the session ended");
        TokenResponse refused = rp.refresh(online);
        assertFalse(refused.indicatesSuccess(), "a refresh token of the session ends with it");
        assertEquals("invalid_grant", ((TokenErrorResponse) refused).getErrorObject().getCode());
        assertTrue(rp.refresh(offline).indicatesSuccess(), "offline_access outlives the session");
    }

    @Test
    void aPostedLogoutRequestIsRedirectedToTheSameRequestByGet() {
        HttpResponse<String> answer = Latchkey.postForm("/logout", form(params("client_id", client.clientId(),
                "post_logout_redirect_uri", BYE, "state", "s 1", "unrelated", "dropped")));

        String again = location(answer);
        assertTrue(again.startsWith("/logout?") || again.startsWith(Latchkey.BASE_URL + "/logout?"), again);
        assertEquals(client.clientId(), queryValue(again, "client_id"));
        assertEquals(BYE, queryValue(again, "post_logout_redirect_uri"));
        assertEquals("s 1", queryValue(again, "state"));
        assertEquals(null, queryValue(again, "unrelated"));
    }

    @Test
    void withoutAHintTheUserConfirmsOnceAndAReplayedOrForgedConfirmationIsRefused() throws Exception {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        HttpResponse<String> page = get(Latchkey.uri("/logout?client_id=" + client.clientId()
                + "&post_logout_redirect_uri=" + Latchkey.encode(BYE) + "&state=abc"), session);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(signedIn(session), "nothing ends before the user confirms");
        String request = field(page.body());
        String csrfCookie = HttpLogin.cookie(page, "latchkey_csrf");
        String csrf = HttpLogin.csrfField(page.body());

        HttpResponse<String> noCsrf = Latchkey.postForm("/logout/confirm", form(params("request", request)),
                "Cookie", session + "; " + csrfCookie);
        assertEquals(403, noCsrf.statusCode());
        assertTrue(signedIn(session));

        HttpResponse<String> confirmed = Latchkey.postForm("/logout/confirm",
                form(params("csrf", csrf, "request", request)), "Cookie", session + "; " + csrfCookie);
        assertEquals(BYE + "?state=abc", location(confirmed));
        assertFalse(signedIn(session));

        HttpResponse<String> replayed = Latchkey.postForm("/logout/confirm",
                form(params("csrf", csrf, "request", request)), "Cookie", session + "; " + csrfCookie);
        assertEquals(400, replayed.statusCode());
    }

    @Test
    void badRequestsGetAnErrorPageNeverARedirectAndEndNothing() throws Exception {
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        JWT idToken = rp.tokens(session, new Scope("openid")).getOIDCTokens().getIDToken();
        TestClients.Registered other = TestClients.confidentialClient(CALLBACK);

        assertRefused(session, new LogoutRequest(provider.getEndSessionEndpointURI(), idToken,
                URI.create("https://evil.example/bye"), new State()).toURI());
        assertRefused(session, new LogoutRequest(provider.getEndSessionEndpointURI(), idToken, null,
                new ClientID(other.clientId()), URI.create(BYE), new State(), null).toURI());
        assertRefused(session, new LogoutRequest(provider.getEndSessionEndpointURI(), forged(idToken), URI.create(BYE),
                new State()).toURI());
        assertRefused(session, Latchkey.uri("/logout?id_token_hint=garbage"));
        assertRefused(session, Latchkey.uri("/logout?id_token_hint=" + "x".repeat(9000)));
        assertRefused(session, Latchkey.uri("/logout?post_logout_redirect_uri=" + Latchkey.encode(BYE)));
        assertRefused(session, Latchkey.uri("/logout?state=a&state=b"));
        assertEquals(403, Latchkey.postForm("/logout/confirm", "request=x&csrf=y").statusCode(), "no CSRF cookie");
    }

    @Test
    void theConfirmationPageInChromiumSpeaksGermanAndReturnsToTheClient() {
        WebDriver browser = Browser.start();
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestClients.Registered rp = TestClients.confidentialClient(CALLBACK, Json.createObjectBuilder()
                    .add("post_logout_redirect_uris", Json.createArrayBuilder().add(receiver.redirectUri())).build());
            browser.get(Latchkey.BASE_URL + "/login");
            Browser.logIn(browser, TestUsers.aUser());

            browser.get(Latchkey.BASE_URL + "/logout?ui_locales=de&state=xyz&client_id=" + rp.clientId()
                    + "&post_logout_redirect_uri=" + Latchkey.encode(receiver.redirectUri()));
            assertEquals("Abmelden?", browser.findElement(By.tagName("h1")).getText());
            assertEquals("de", browser.findElement(By.tagName("html")).getAttribute("lang"));
            Browser.clickAndAwaitNextPage(browser, By.cssSelector("form[action='/logout/confirm'] button[type=submit]"));

            assertEquals("xyz", queryValue(receiver.awaitCallback().toString(), "state"));
            browser.get(Latchkey.BASE_URL + "/login");
            assertTrue(browser.findElements(By.id("password")).size() == 1, "signed out: the login form again");
        } finally {
            browser.quit();
        }
    }

    private static void assertRefused(String session, URI logout) {
        HttpResponse<String> answer = get(logout, session);
        assertEquals(400, answer.statusCode(), logout + " " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(answer.headers().firstValue("Location").isEmpty(), "never a redirect");
        assertTrue(signedIn(session), "a refused logout ends nothing");
    }

    /** A token shaped like the real one, signed by a key that is not Latchkey's. */
    private static SignedJWT forged(JWT idToken) throws Exception {
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                idToken.getJWTClaimsSet());
        forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));
        return forged;
    }

    private static HttpResponse<String> get(URI uri, String session) {
        return Latchkey.send(HttpRequest.newBuilder(uri).header("Cookie", session).GET().build());
    }

    /** Whether the session cookie still signs the browser in (the login page says so instead of asking). */
    private static boolean signedIn(String session) {
        HttpResponse<String> page = get(Latchkey.uri("/login"), session);
        return page.statusCode() == 200 && !page.body().contains("id=\"password\"");
    }

    private static String field(String page) {
        Matcher request = REQUEST_FIELD.matcher(page);
        assertTrue(request.find(), "a confirmation form");
        return request.group(1);
    }
}

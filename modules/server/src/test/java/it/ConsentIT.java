package it;

import static it.support.HttpLogin.location;
import static it.support.HttpLogin.queryValue;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import it.support.Browser;
import it.support.CallbackReceiver;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Consent (OIDC Core §3.1.2.4) end to end, with the Nimbus SDK as the relying party and headless
 * Chromium as the user's browser: a third-party client gets the consent page after the login; the
 * consent is remembered and asked again for new scopes only; Deny answers {@code access_denied};
 * {@code prompt=consent} and {@code prompt=none} behave as OIDC Core §3.1.2.1 says; the user
 * revokes the consent through the REST API and the client's refresh token stops working; and a
 * refresh token without {@code offline_access} ends with the session (OIDC Core §11).
 */
class ConsentIT {

    private static final String HTTP_REDIRECT = "https://rp.example.com/consent-cb";
    private static final Pattern REQUEST_FIELD = Pattern.compile("name=\"request\" value=\"([A-Za-z0-9_-]+)\"");

    private WebDriver browser;
    private OIDCProviderMetadata provider;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
    }

    @AfterEach
    void stop() {
        browser.quit();
    }

    @Test
    void aThirdPartyClientIsAllowedOnTheConsentPageRememberedAskedAgainForNewScopesAndRevokedByTheUser()
            throws Exception {
        try (CallbackReceiver first = new CallbackReceiver(); CallbackReceiver second = new CallbackReceiver()) {
            TestClients.Registered client = TestClients.thirdPartyClient(first.redirectUri(), second.redirectUri(),
                    HTTP_REDIRECT);
            TestUsers.User user = TestUsers.aUser();
            CodeVerifier verifier = new CodeVerifier();
            browser.get(request(client, first.redirectUri(), verifier, new Scope("openid", "profile"))
                    .toURI().toString());
            Browser.logIn(browser, user);

            // the consent page: who asks, for what, in words, with the client's links
            assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/consent?request="),
                    browser.getCurrentUrl());
            assertTrue(browser.findElement(By.tagName("h1")).getText().startsWith("Third Party "));
            assertEquals(List.of("Know who you are (your account id)", "See your name and username"), scopesListed());
            assertEquals("https://third-party.example.com/privacy",
                    browser.findElement(By.linkText("Its privacy policy")).getAttribute("href"));
            assertEquals("https://third-party.example.com/terms",
                    browser.findElement(By.linkText("Its terms of service")).getAttribute("href"));
            Browser.clickAndAwaitNextPage(browser, By.cssSelector("button[value=allow]"));
            Tokens tokens = exchange(client, first.redirectUri(), verifier, first.awaitCallback());
            assertNotNull(tokens.getAccessToken());

            // remembered: the same scopes again go straight to the client, without the page
            String session = HttpLogin.sessionCookie(user.username(), user.password());
            String again = location(HttpLogin.authorize(session, query(client, "openid profile")));
            assertTrue(again.startsWith(HTTP_REDIRECT + "?code="), again);

            // new scopes ask again, naming only the new ones and what was granted before
            CodeVerifier wider = new CodeVerifier();
            browser.get(request(client, second.redirectUri(), wider,
                    new Scope("openid", "profile", "email", "offline_access")).toURI().toString());
            assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/consent?request="));
            assertEquals(List.of("See your email address", "Keep this access after you sign out, until you withdraw it",
                    "Know who you are (your account id)", "See your name and username"), scopesListed());
            Browser.clickAndAwaitNextPage(browser, By.cssSelector("button[value=allow]"));
            Tokens offline = exchange(client, second.redirectUri(), wider, second.awaitCallback());
            assertNotNull(offline.getRefreshToken());

            // the user lists the consent through the REST API, with their own access token
            String userToken = offline.getAccessToken().getValue();
            HttpResponse<String> listed = Latchkey.get("/api/v1/account/consents", userToken);
            assertEquals(200, listed.statusCode(), listed.body());
            JsonObject consent = consentOf(listed, client.clientId());
            assertEquals(List.of("openid", "profile", "email", "offline_access"),
                    consent.getJsonArray("scopes").getValuesAs(JsonString::getString));
            assertTrue(consent.getString("clientName").startsWith("Third Party "));
            assertNotNull(consent.getString("grantedAt"));

            // and revokes it: 204, the refresh token is refused at /token, the access token at the API
            assertEquals(204, revokeConsent(client.clientId(), userToken).statusCode());
            TokenResponse refused = refresh(client, offline);
            assertFalse(refused.indicatesSuccess());
            assertEquals(OAuth2Error.INVALID_GRANT.getCode(),
                    ((TokenErrorResponse) refused).getErrorObject().getCode());
            assertEquals(401, Latchkey.get("/api/v1/account/consents", userToken).statusCode());

            // the client's next request asks again
            String asked = location(HttpLogin.authorize(session, query(client, "openid")));
            assertTrue(asked.startsWith(Latchkey.BASE_URL + "/consent?request="), asked);
        }
    }

    @Test
    void denyOnTheConsentPageAnswersAccessDeniedWithStateAndIss() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver()) {
            TestClients.Registered client = TestClients.thirdPartyClient(receiver.redirectUri());
            State state = new State();
            AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                    new Scope("openid"), new ClientID(client.clientId()), URI.create(receiver.redirectUri()))
                    .endpointURI(provider.getAuthorizationEndpointURI())
                    .state(state)
                    .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                    .build();
            browser.get(request.toURI().toString());
            Browser.logIn(browser, TestUsers.aUser());

            Browser.clickAndAwaitNextPage(browser, By.cssSelector("button[value=deny]"));

            AuthorizationResponse response = AuthorizationResponse.parse(receiver.awaitCallback());
            assertFalse(response.indicatesSuccess());
            AuthorizationErrorResponse error = response.toErrorResponse();
            assertEquals(OAuth2Error.ACCESS_DENIED.getCode(), error.getErrorObject().getCode());
            assertEquals(state, error.getState());
            assertEquals(Latchkey.BASE_URL, error.getIssuer().getValue());
        }
    }

    @Test
    void promptNoneWithoutConsentIsConsentRequiredAndPromptConsentShowsThePageAgain() {
        TestClients.Registered client = TestClients.thirdPartyClient(HTTP_REDIRECT);
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());

        String none = location(HttpLogin.authorize(session, query(client, "openid") + "&prompt=none&state=s1"));
        assertTrue(none.startsWith(HTTP_REDIRECT + "?"), none);
        assertEquals("consent_required", queryValue(none, "error"));
        assertEquals("s1", queryValue(none, "state"));

        decide(session, location(HttpLogin.authorize(session, query(client, "openid"))), "allow");
        String consented = location(HttpLogin.authorize(session, query(client, "openid") + "&prompt=none"));
        assertNotNull(queryValue(consented, "code"), consented);

        String consent = location(HttpLogin.authorize(session, query(client, "openid") + "&prompt=consent"));
        assertTrue(consent.startsWith(Latchkey.BASE_URL + "/consent?request="), consent);
    }

    @Test
    void aConsentFormWithoutItsCsrfTokenReplayedOrFromAnotherUserIsRefused() {
        TestClients.Registered client = TestClients.thirdPartyClient(HTTP_REDIRECT);
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        String consentPage = location(HttpLogin.authorize(session, query(client, "openid")));
        HttpResponse<String> page = get(consentPage, session);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Cache-Control").orElse("").startsWith("no-store"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        String requestId = requestField(page.body());
        String csrfCookie = HttpLogin.cookie(page, "latchkey_csrf");

        // no CSRF token, or one not matching its cookie: 403, nothing decided
        assertEquals(403, post(session + "; " + csrfCookie, "request", requestId, "decision", "allow").statusCode());
        assertEquals(403, post(session, "csrf", HttpLogin.csrfField(page.body()), "request", requestId,
                "decision", "allow").statusCode());
        // another user's session: the request is not theirs
        TestUsers.User mallory = TestUsers.aUser();
        String other = HttpLogin.sessionCookie(mallory.username(), mallory.password());
        assertEquals(400, get(consentPage, other).statusCode());
        assertEquals(400, post(other + "; " + csrfCookie, "csrf", HttpLogin.csrfField(page.body()),
                "request", requestId, "decision", "allow").statusCode());
        // a decision other than allow or deny
        assertEquals(400, post(session + "; " + csrfCookie, "csrf", HttpLogin.csrfField(page.body()),
                "request", requestId, "decision", "maybe").statusCode());

        // the owner decides once; the replayed form is refused
        HttpResponse<String> allowed = post(session + "; " + csrfCookie, "csrf", HttpLogin.csrfField(page.body()),
                "request", requestId, "decision", "allow");
        assertNotNull(queryValue(location(allowed), "code"));
        assertEquals("no-referrer", allowed.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals(400, post(session + "; " + csrfCookie, "csrf", HttpLogin.csrfField(page.body()),
                "request", requestId, "decision", "allow").statusCode());
    }

    @Test
    void aRefreshTokenWithoutOfflineAccessEndsWithTheSessionAndOneWithItOutlivesIt() throws Exception {
        TestClients.Registered client = TestClients.confidentialClient(HTTP_REDIRECT);
        TestUsers.User user = TestUsers.aUser();
        String session = HttpLogin.sessionCookie(user.username(), user.password());
        CodeVerifier online = new CodeVerifier();
        CodeVerifier offline = new CodeVerifier();
        Tokens bound = exchange(client, HTTP_REDIRECT, online, URI.create(location(HttpLogin.authorize(session,
                request(client, HTTP_REDIRECT, online, new Scope("openid")).toQueryString()))));
        Tokens lasting = exchange(client, HTTP_REDIRECT, offline, URI.create(location(HttpLogin.authorize(session,
                request(client, HTTP_REDIRECT, offline, new Scope("openid", "offline_access")).toQueryString()))));
        TokenResponse whileLive = refresh(client, bound);
        assertTrue(whileLive.indicatesSuccess(), "the session is live");
        Tokens rotated = whileLive.toSuccessResponse().getTokens();

        // another user's login in the same browser replaces (ends) the session the tokens were issued in
        TestUsers.User other = TestUsers.aUser();
        HttpLogin.logInAgain(session, other.username(), other.password());

        TokenResponse refused = refresh(client, rotated);
        assertFalse(refused.indicatesSuccess());
        assertEquals(OAuth2Error.INVALID_GRANT.getCode(), ((TokenErrorResponse) refused).getErrorObject().getCode());
        assertTrue(refresh(client, lasting).indicatesSuccess(), "offline_access outlives the session");
    }

    private AuthenticationRequest request(TestClients.Registered client, String redirectUri, CodeVerifier verifier,
                                          Scope scope) {
        return new AuthenticationRequest.Builder(new ResponseType("code"), scope, new ClientID(client.clientId()),
                URI.create(redirectUri))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
    }

    /** An authorization request's query for the HTTP redirect (PKCE is optional for a confidential client). */
    private static String query(TestClients.Registered client, String scope) {
        return form(params("response_type", "code", "client_id", client.clientId(), "redirect_uri", HTTP_REDIRECT,
                "scope", scope));
    }


    private List<String> scopesListed() {
        return browser.findElements(By.cssSelector("ul.scopes li")).stream().map(WebElement::getText).toList();
    }

    private Tokens exchange(TestClients.Registered client, String redirectUri, CodeVerifier verifier, URI callback)
            throws Exception {
        AuthorizationResponse response = AuthorizationResponse.parse(callback);
        assertTrue(response.indicatesSuccess(), callback::toString);
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new AuthorizationCodeGrant(response.toSuccessResponse().getAuthorizationCode(), URI.create(redirectUri),
                        verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        return tokens.toSuccessResponse().getTokens();
    }

    private TokenResponse refresh(TestClients.Registered client, Tokens tokens) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new RefreshTokenGrant(tokens.getRefreshToken())).toHTTPRequest().send());
    }

    private static HttpResponse<String> revokeConsent(String clientId, String bearer) {
        return Latchkey.send(HttpRequest.newBuilder(Latchkey.uri("/api/v1/account/consents/" + clientId))
                .header("Authorization", "Bearer " + bearer).DELETE().build());
    }

    private static JsonObject consentOf(HttpResponse<String> listed, String clientId) {
        try (JsonReader reader = Json.createReader(new StringReader(listed.body()))) {
            JsonArray consents = reader.readArray();
            return consents.getValuesAs(JsonObject.class).stream()
                    .filter(consent -> clientId.equals(consent.getString("clientId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no consent to " + clientId + ": " + consents));
        }
    }

    /** Posts the consent form, as its Allow or Deny button would. */
    private static void decide(String session, String consentPage, String decision) {
        HttpResponse<String> page = get(consentPage, session);
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> decided = post(session + "; " + HttpLogin.cookie(page, "latchkey_csrf"),
                "csrf", HttpLogin.csrfField(page.body()), "request", requestField(page.body()), "decision", decision);
        assertEquals(303, decided.statusCode(), decided.body());
    }

    private static HttpResponse<String> get(String uri, String cookies) {
        return Latchkey.send(HttpRequest.newBuilder(URI.create(uri)).header("Cookie", cookies).GET().build());
    }

    private static HttpResponse<String> post(String cookies, String... form) {
        return Latchkey.postForm("/consent", form(params(form)), "Cookie", cookies);
    }

    private static String requestField(String page) {
        Matcher request = REQUEST_FIELD.matcher(page);
        assertTrue(request.find(), page);
        return request.group(1);
    }
}

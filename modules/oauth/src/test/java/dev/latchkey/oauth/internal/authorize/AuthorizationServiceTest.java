package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.REDIRECT_URI;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.fixtures.TestClients.spa;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.withGrantTypes;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.withRedirectUris;
import static dev.latchkey.oauth.internal.authorize.TestRequests.CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.TestRequests.query;
import static dev.latchkey.oauth.internal.authorize.TestRequests.raw;
import static dev.latchkey.oauth.internal.authorize.TestRequests.withoutQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.kernel.api.EphemeralStores;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.fixtures.TestAuthorizationCodes;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import dev.latchkey.session.api.StartedSession;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationServiceTest {

    private static final String ISSUER = TestServerSettings.ISSUER;
    private static final String ENCODED_ISSUER = "https%3A%2F%2Fid.example.test";
    private static final String SPA_REDIRECT_URI = spa().redirectUris().get(0);
    private static final Instant NOW = TestClock.START;
    private static final Instant AUTH_TIME = NOW.minusSeconds(300);
    private static final String COOKIE = "cookie-secret";
    private static final String PATH = "/authorize";

    private final Map<String, RegisteredClient> clients = new HashMap<>();
    private final TestSessions sessions = new TestSessions();
    private final TestUsers users = new TestUsers();
    private final TestAuthorizationCodes codes = new TestAuthorizationCodes();
    private final TestClock clock = new TestClock();
    private final AuthorizationService service = new AuthorizationService(
            clientId -> Optional.ofNullable(clients.get(clientId)), sessions, users, codes,
            EphemeralStores.inProcess(clock), new TestServerSettings(), clock);
    private final UUID userId = TestUsers.alice().id();

    AuthorizationServiceTest() {
        clients.put("web-app", webApp());
        clients.put("spa", spa());
    }

    // step 1: no redirect to an unverified client or redirect URI

    @Test
    void authorizeWhenClientUnknownThenErrorPage() {
        assertErrorPage("invalid_client", get("response_type", "code", "client_id", "nobody",
                "redirect_uri", REDIRECT_URI, "state", "s"));
    }

    @Test
    void authorizeWhenClientIdMissingThenErrorPage() {
        assertErrorPage("invalid_client", get("response_type", "code", "redirect_uri", REDIRECT_URI));
    }

    @Test
    void authorizeWhenClientIdRepeatedThenErrorPage() {
        assertErrorPage("invalid_client", get("response_type", "code", "client_id", "web-app",
                "client_id", "spa", "redirect_uri", REDIRECT_URI));
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThenErrorPage() {
        assertErrorPage("invalid_redirect_uri", get("response_type", "code", "client_id", "web-app",
                "redirect_uri", "https://attacker.example/callback", "state", "s"));
    }

    @Test
    void authorizeWhenRedirectUriRepeatedThenErrorPage() {
        assertErrorPage("invalid_redirect_uri", get("response_type", "code", "client_id", "web-app",
                "redirect_uri", REDIRECT_URI, "redirect_uri", REDIRECT_URI));
    }

    @Test
    void authorizeWhenRedirectUriMissingAndSeveralRegisteredThenErrorPage() {
        clients.put("web-app", withRedirectUris(webApp(), REDIRECT_URI, "https://app.example/other"));

        assertErrorPage("invalid_redirect_uri", get("response_type", "code", "client_id", "web-app"));
    }

    // step 2: every other error goes back to the client, with state and iss

    @Test
    void authorizeWhenResponseTypeMissingThenInvalidRequestRedirectedWithStateAndIss() {
        String location = location(get("client_id", "web-app", "redirect_uri", REDIRECT_URI, "state", "xyz"));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals(List.of("error", "error_description", "state", "iss"), List.copyOf(query(location).keySet()));
        assertEquals("invalid_request", query(location).get("error"));
        assertEquals("response_type missing", query(location).get("error_description"));
        assertEquals("xyz", query(location).get("state"));
        assertEquals(ISSUER, query(location).get("iss"));
    }

    @Test
    void authorizeWhenResponseTypeTokenThenUnsupportedResponseType() {
        assertRedirectedError("unsupported_response_type", get("response_type", "token", "client_id", "web-app",
                "redirect_uri", REDIRECT_URI));
    }

    @Test
    void authorizeWhenParameterRepeatedThenInvalidRequestWithState() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "scope", "openid", "scope", "email", "state", "xyz"));

        assertEquals("invalid_request", query(location).get("error"));
        assertEquals("xyz", query(location).get("state"));
    }

    @Test
    void authorizeWhenStateRepeatedThenInvalidRequestWithoutState() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "state", "a", "state", "b"));

        assertEquals("invalid_request", query(location).get("error"));
        assertFalse(query(location).containsKey("state"));
    }

    @Test
    void authorizeWhenStateTooLongThenInvalidRequestWithoutState() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "state", "s".repeat(2049)));

        assertEquals("invalid_request", query(location).get("error"));
        assertFalse(query(location).containsKey("state"));
    }

    @Test
    void authorizeWhenStateEmptyThenNoStateInResponse() {
        String location = location(get("client_id", "web-app", "state", ""));

        assertEquals("invalid_request", query(location).get("error"));
        assertFalse(query(location).containsKey("state"));
    }

    @Test
    void authorizeWhenSeveralProblemsThenRepeatedParameterReportedFirst() {
        String location = location(get("response_type", "token", "client_id", "web-app",
                "nonce", "a", "nonce", "b"));

        assertEquals("invalid_request", query(location).get("error"));
        assertEquals("parameters included more than once: nonce", query(location).get("error_description"));
    }

    @Test
    void authorizeWhenClientNotAllowedCodeGrantThenUnauthorizedClient() {
        clients.put("web-app", withGrantTypes(webApp(), "client_credentials"));

        assertRedirectedError("unauthorized_client", get("response_type", "code", "client_id", "web-app"));
    }

    @Test
    void authorizeWhenScopeNotAllowedThenInvalidScope() {
        assertRedirectedError("invalid_scope", get("response_type", "code", "client_id", "web-app",
                "scope", "openid admin"));
    }

    @Test
    void authorizeWhenPublicClientWithoutPkceThenInvalidRequest() {
        String location = assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "spa"));

        assertEquals("PKCE required: code_challenge missing", query(location).get("error_description"));
    }

    @Test
    void authorizeWhenPlainPkceThenInvalidRequest() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "spa",
                "code_challenge", CHALLENGE, "code_challenge_method", "plain"));
    }

    @Test
    void authorizeWhenResponseModeUnknownThenInvalidRequestInTheQuery() {
        String location = assertRedirectedError("invalid_request", get("response_type", "code",
                "client_id", "web-app", "response_mode", "fragment"));

        assertEquals("response_mode must be query or form_post", query(location).get("error_description"));
    }

    @Test
    void authorizeWhenFormPostAndSessionThenCodeStateAndIssPostedToTheRedirectUri() {
        String registered = "https://app.example/callback?tenant=acme";
        clients.put("web-app", withRedirectUris(webApp(), registered));
        signedIn();

        AuthorizationAnswer.FormPost post = formPost(withCookie("response_type", "code", "client_id", "web-app",
                "response_mode", "form_post", "state", "xyz"));

        assertEquals(registered, post.redirectUri());
        assertEquals(List.of("code", "state", "iss"), List.copyOf(post.parameters().keySet()));
        assertEquals(Map.of("code", "code-1", "state", "xyz", "iss", ISSUER), post.parameters());
    }

    @Test
    void authorizeWhenFormPostAndErrorThenErrorPosted() {
        AuthorizationAnswer.FormPost post = formPost(get("response_type", "code", "client_id", "web-app",
                "response_mode", "form_post", "scope", "openid admin"));

        assertEquals(REDIRECT_URI, post.redirectUri());
        assertEquals("invalid_scope", post.parameters().get("error"));
        assertEquals(ISSUER, post.parameters().get("iss"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenFormPostAndRepeatedParameterThenErrorPostedToo() {
        AuthorizationAnswer.FormPost post = formPost(get("response_type", "code", "client_id", "web-app",
                "response_mode", "form_post", "nonce", "a", "nonce", "b", "state", "xyz"));

        assertEquals("invalid_request", post.parameters().get("error"));
        assertEquals("xyz", post.parameters().get("state"));
    }

    @Test
    void authorizeWhenFormPostWithoutSessionThenLoginPageRedirect() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "response_mode", "form_post"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
    }

    @Test
    void authorizeWhenFormPostAndClientUnknownThenErrorPage() {
        assertErrorPage("invalid_client", get("response_type", "code", "client_id", "nobody",
                "response_mode", "form_post"));
    }

    @Test
    void authorizeWhenRequestObjectThenRequestNotSupported() {
        assertRedirectedError("request_not_supported", get("response_type", "code", "client_id", "web-app",
                "request", "eyJhbGciOiJub25lIn0.e30."));
    }

    @Test
    void authorizeWhenPromptNoneCombinedThenInvalidRequest() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "web-app",
                "prompt", "none login"));
    }

    @Test
    void authorizeWhenRegisteredRedirectUriHasQueryThenErrorKeepsIt() {
        String registered = "https://app.example/callback?tenant=acme";
        clients.put("web-app", withRedirectUris(webApp(), registered));

        String location = location(get("client_id", "web-app", "redirect_uri", registered));

        assertTrue(location.startsWith(registered + "&error=invalid_request&"), location);
        assertEquals("acme", query(location).get("tenant"));
    }

    // step 3: the session

    @Test
    void authorizeWhenNoSessionCookieThenLoginPageReturningToTheOriginalRequest() {
        String rawQuery = "response_type=code&client_id=web-app&scope=openid%20profile&state=a%2Bb";

        String location = location(new RawAuthorizationRequest(
                raw("response_type", "code", "client_id", "web-app", "scope", "openid profile", "state", "a+b"),
                PATH, rawQuery, null));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertEquals(Map.of("return_to", PATH + "?" + rawQuery), query(location));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenFormPostWithoutSessionThenLoginPageReturningToTheEquivalentGet() {
        String location = location(RawAuthorizationRequest.ofForm(
                raw("response_type", "code", "client_id", "web-app", "scope", "openid profile", "state", "a&b=c"),
                PATH, null));

        String returnTo = query(location).get("return_to");
        assertEquals(PATH + "?response_type=code&client_id=web-app&scope=openid+profile&state=a%26b%3Dc", returnTo);
        assertEquals(Map.of("response_type", "code", "client_id", "web-app", "scope", "openid profile",
                "state", "a&b=c"), query(returnTo));
    }

    @Test
    void authorizeWhenLoginHintAndUiLocalesThenPassedToTheLoginPage() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "login_hint", "alice@example.com", "ui_locales", "fr-CA de"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertEquals(List.of("return_to", "login_hint", "ui_locales"), List.copyOf(query(location).keySet()));
        assertEquals("alice@example.com", query(location).get("login_hint"));
        assertEquals("fr-CA de", query(location).get("ui_locales"));
    }

    @Test
    void authorizeWhenFreshLoginWithLoginHintThenHintFollowsTheMarker() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "login", "login_hint", "alice"));

        assertEquals(List.of("return_to", "fresh", "login_hint"), List.copyOf(query(location).keySet()));
    }

    @Test
    void authorizeWhenLoginHintOrUiLocalesTooLongThenNotPassedOn() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "login_hint", "a".repeat(256), "ui_locales", "de ".repeat(86)));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertFalse(query(location).containsKey("login_hint"));
        assertFalse(query(location).containsKey("ui_locales"));
    }

    @Test
    void authorizeWhenLoginHintRepeatedThenInvalidRequest() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "web-app",
                "login_hint", "a", "login_hint", "b"));
    }

    @Test
    void authorizeWhenSessionUnknownOrExpiredThenLoginPage() {
        String location = location(withCookie("response_type", "code", "client_id", "web-app"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
    }

    @Test
    void authorizeWhenUserDisabledThenLoginPage() {
        sessions.add(COOKIE, session());
        users.with(TestUsers.disabled(TestUsers.alice()));

        String location = location(withCookie("response_type", "code", "client_id", "web-app"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenUserGoneThenLoginPage() {
        sessions.add(COOKIE, session());

        String location = location(withCookie("response_type", "code", "client_id", "web-app"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
    }

    @Test
    void authorizeWhenPromptNoneAndNoSessionThenLoginRequired() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "prompt", "none", "state", "xyz"));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals("login_required", query(location).get("error"));
        assertEquals("xyz", query(location).get("state"));
        assertEquals(ISSUER, query(location).get("iss"));
    }

    @Test
    void authorizeWhenPromptNoneAndUserDisabledThenLoginRequired() {
        sessions.add(COOKIE, session());
        users.with(TestUsers.disabled(TestUsers.alice()));

        assertRedirectedError("login_required", withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "none"));
    }

    @Test
    void authorizeWhenPromptNoneAndSessionThenCode() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "none"));

        assertEquals("code-1", query(location).get("code"));
    }

    @Test
    void authorizeWhenMaxAgeNotANumberThenInvalidRequest() {
        signedIn();

        assertRedirectedError("invalid_request", withCookie("response_type", "code", "client_id", "web-app",
                "max_age", "-1"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenSessionYoungerThanMaxAgeThenCodeWithItsAuthTime() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "max_age", "300"));

        assertEquals("code-1", query(location).get("code"));
        assertEquals(AUTH_TIME, codes.redeem("code-1").orElseThrow().authTime());
    }

    @Test
    void authorizeWhenSessionOlderThanMaxAgeThenFreshLoginPageReturningWithMarker() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "max_age", "299", "state", "xyz"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertEquals("1", query(location).get("fresh"));
        Map<String, String> returned = query(query(location).get("return_to"));
        assertEquals("299", returned.get("max_age"));
        assertEquals("xyz", returned.get("state"));
        assertTrue(returned.get("lk_login").length() > 40, returned.toString());
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenNoSessionAndMaxAgeThenFreshLoginPage() {
        String location = location(get("response_type", "code", "client_id", "web-app", "max_age", "0"));

        assertEquals("1", query(location).get("fresh"));
        assertTrue(query(query(location).get("return_to")).containsKey("lk_login"));
    }

    @Test
    void authorizeWhenPromptNoneAndSessionOlderThanMaxAgeThenLoginRequired() {
        signedIn();

        assertRedirectedError("login_required", withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "none", "max_age", "10"));
    }

    @Test
    void authorizeWhenPromptLoginAndSessionThenFreshLoginPage() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "login"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertEquals("1", query(location).get("fresh"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenMaxAgeZeroAndSessionOfThisSecondThenFreshLoginPage() {
        sessions.add(COOKIE, new SsoSession("sid-1", userId, NOW, List.of("pwd"), NOW, NOW));
        users.with(TestUsers.alice());

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "max_age", "0"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
    }

    @Test
    void authorizeWhenBackFromDemandedLoginThenCodeOnceAndLoginPageOnReload() {
        String returnTo = freshLoginReturnTo("prompt", "login");
        clock.advance(Duration.ofSeconds(20));
        loggedInAgain();

        String location = location(returnedTo(returnTo));

        assertEquals("code-1", query(location).get("code"));
        assertEquals(NOW.plusSeconds(20), codes.redeem("code-1").orElseThrow().authTime());
        // the demand is honoured once: the same request again asks for another login
        String again = location(returnedTo(returnTo));
        assertEquals(ISSUER + "/login", withoutQuery(again));
        assertTrue(!query(query(again).get("return_to")).get("lk_login")
                .equals(query(returnTo).get("lk_login")), "a new marker replaces the old one");
    }

    @Test
    void authorizeWhenBackFromDemandedLoginWithMaxAgeZeroThenCode() {
        String returnTo = freshLoginReturnTo("max_age", "0");
        clock.advance(Duration.ofSeconds(5));
        loggedInAgain();

        assertEquals("code-1", query(location(returnedTo(returnTo))).get("code"));
    }

    @Test
    void authorizeWhenMarkerButSessionNotRenewedThenLoginPageAgain() {
        String returnTo = freshLoginReturnTo("prompt", "login");
        clock.advance(Duration.ofSeconds(20));

        String location = location(returnedTo(returnTo));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenMarkerForgedThenLoginPage() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "login", "lk_login", "made-up"));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenMarkerOfAnotherClientThenLoginPage() {
        String returnTo = freshLoginReturnTo("prompt", "login");
        clock.advance(Duration.ofSeconds(20));
        loggedInAgain();

        String location = location(withCookie("response_type", "code", "client_id", "spa",
                "redirect_uri", SPA_REDIRECT_URI, "code_challenge", CHALLENGE, "code_challenge_method", "S256",
                "prompt", "login", "lk_login", query(returnTo).get("lk_login")));

        assertEquals(ISSUER + "/login", withoutQuery(location));
    }

    @Test
    void authorizeWhenMarkerExpiredThenLoginPage() {
        String returnTo = freshLoginReturnTo("prompt", "login");
        clock.advance(Duration.ofMinutes(16));
        loggedInAgain();

        assertEquals(ISSUER + "/login", withoutQuery(location(returnedTo(returnTo))));
    }

    @Test
    void authorizeWhenSessionThenCodeStateAndIssRedirectedAndGrantBound() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "spa",
                "redirect_uri", SPA_REDIRECT_URI, "scope", "openid email", "state", "xyz", "nonce", "n-1",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"));

        assertEquals(SPA_REDIRECT_URI + "?code=code-1&state=xyz&iss=" + ENCODED_ISSUER, location);
        assertEquals(Optional.of(new AuthorizationCode("spa", SPA_REDIRECT_URI, userId, "sid-1", "openid email",
                "n-1", CHALLENGE, "S256", AUTH_TIME, List.of("pwd", "otp"), NOW)), codes.redeem("code-1"));
    }

    @Test
    void authorizeWhenRedirectUriOmittedThenRegisteredOneUsedAndGrantHasNone() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app"));

        assertEquals(REDIRECT_URI + "?code=code-1&iss=" + ENCODED_ISSUER, location);
        AuthorizationCode grant = codes.redeem("code-1").orElseThrow();
        assertNull(grant.redirectUri());
        assertEquals("openid", grant.scope());
        assertNull(grant.nonce());
        assertNull(grant.codeChallenge());
        assertNull(grant.codeChallengeMethod());
    }

    @Test
    void authorizeWhenRegisteredRedirectUriHasQueryThenCodeAddedToIt() {
        String registered = "https://app.example/callback?tenant=acme";
        clients.put("web-app", withRedirectUris(webApp(), registered));
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "redirect_uri", registered));

        assertEquals(registered + "&code=code-1&iss=" + ENCODED_ISSUER, location);
    }

    @Test
    void authorizeWhenValidationFailsWithSessionThenNoCode() {
        signedIn();

        assertRedirectedError("invalid_scope", withCookie("response_type", "code", "client_id", "web-app",
                "scope", "admin"));
        assertNoCodeIssued();
    }

    // helpers

    /** The location of the redirect the service answers with. */
    private String location(RawAuthorizationRequest request) {
        AuthorizationAnswer answer = service.authorize(request);
        assertTrue(answer instanceof AuthorizationAnswer.Redirect, answer.toString());
        return ((AuthorizationAnswer.Redirect) answer).location();
    }

    private AuthorizationAnswer.FormPost formPost(RawAuthorizationRequest request) {
        AuthorizationAnswer answer = service.authorize(request);
        assertTrue(answer instanceof AuthorizationAnswer.FormPost, answer.toString());
        return (AuthorizationAnswer.FormPost) answer;
    }

    /** Signs in, asks with the given parameters, and returns the return_to of the demanded login. */
    private String freshLoginReturnTo(String... namesAndValues) {
        signedIn();
        String[] all = new String[namesAndValues.length + 4];
        System.arraycopy(new String[] {"response_type", "code", "client_id", "web-app"}, 0, all, 0, 4);
        System.arraycopy(namesAndValues, 0, all, 4, namesAndValues.length);
        String location = location(withCookie(all));
        assertEquals(ISSUER + "/login", withoutQuery(location));
        return query(location).get("return_to");
    }

    private RawAuthorizationRequest returnedTo(String returnTo) {
        Map<String, String> parameters = query(returnTo);
        String[] namesAndValues = parameters.entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue()))
                .toArray(String[]::new);
        return withCookie(namesAndValues);
    }

    /** The browser logged in again just now: its cookie names a session authenticated now. */
    private void loggedInAgain() {
        Instant now = clock.instant();
        sessions.add(COOKIE, new SsoSession("sid-2", userId, now, List.of("pwd"), now, now));
    }

    private static RawAuthorizationRequest get(String... namesAndValues) {
        return new RawAuthorizationRequest(raw(namesAndValues), PATH, FormUrlEncoding.query(raw(namesAndValues)), null);
    }

    private static RawAuthorizationRequest withCookie(String... namesAndValues) {
        return new RawAuthorizationRequest(raw(namesAndValues), PATH, FormUrlEncoding.query(raw(namesAndValues)),
                COOKIE);
    }

    private void assertErrorPage(String messageKey, RawAuthorizationRequest request) {
        ErrorPageException page = assertThrows(ErrorPageException.class, () -> location(request));
        assertEquals(400, page.status());
        assertEquals(messageKey, page.messageKey());
        assertNoCodeIssued();
    }

    private String assertRedirectedError(String error, RawAuthorizationRequest request) {
        String location = location(request);
        assertTrue(Set.of(REDIRECT_URI, SPA_REDIRECT_URI).contains(withoutQuery(location)), location);
        assertEquals(error, query(location).get("error"));
        assertEquals(ISSUER, query(location).get("iss"));
        return location;
    }

    private void assertNoCodeIssued() {
        assertEquals(Optional.empty(), codes.redeem("code-1"));
    }

    private void signedIn() {
        sessions.add(COOKIE, session());
        users.with(TestUsers.alice());
    }

    private SsoSession session() {
        return new SsoSession("sid-1", userId, AUTH_TIME, List.of("pwd", "otp"), AUTH_TIME, NOW);
    }

    /** Sessions by cookie value; starting and ending are not the authorization endpoint's business. */
    private static final class TestSessions implements SsoSessions {

        private final Map<String, SsoSession> byCookie = new HashMap<>();

        void add(String cookieValue, SsoSession session) {
            byCookie.put(cookieValue, session);
        }

        @Override
        public Optional<SsoSession> resolve(String cookieValue) {
            return Optional.ofNullable(byCookie.get(cookieValue));
        }

        @Override
        public String cookieName() {
            return "__Host-latchkey_session";
        }

        @Override
        public StartedSession start(UUID userId, List<String> authenticationMethods, Instant authenticatedAt) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void end(String cookieValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cookieSecure() {
            throw new UnsupportedOperationException();
        }
    }
}

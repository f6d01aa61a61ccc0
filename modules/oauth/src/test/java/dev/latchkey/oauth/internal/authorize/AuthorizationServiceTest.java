package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.REDIRECT_URI;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.fixtures.TestClients.spa;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.firstParty;
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

import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.EphemeralStores;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.kernel.testing.UnavailableStore;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.clientkeys.ClientKeys;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import dev.latchkey.oauth.internal.clientkeys.JwksFetcher;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.InMemoryResourceServers;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestAuthorizationCodes;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;
import dev.latchkey.oauth.internal.resource.ResourceServerCatalog;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.session.api.SsoSession;
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
    private final OAuthFixture fixture = new OAuthFixture();
    private final AuthorizationService service = service(EphemeralStores.inProcess(clock));
    private final UUID userId = TestUsers.alice().id();

    AuthorizationServiceTest() {
        // first-party: these tests are about everything but consent (ConsentStepTest)
        clients.put("web-app", firstParty(webApp()));
        clients.put("spa", firstParty(spa()));
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
        clients.put("web-app", withRedirectUris(firstParty(webApp()), REDIRECT_URI, "https://app.example/other"));

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
        clients.put("web-app", withGrantTypes(firstParty(webApp()), "client_credentials"));

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
    void authorizeWhenResourceUnknownThenInvalidTargetRedirected() {
        String location = assertRedirectedError("invalid_target", get("response_type", "code", "client_id", "web-app",
                "resource", "https://unknown.example/api", "state", "s"));
        assertEquals("s", query(location).get("state"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenResourceNotAllowedForTheClientThenInvalidTarget() {
        assertRedirectedError("invalid_target", get("response_type", "code", "client_id", "web-app",
                "resource", InMemoryResourceServers.BILLING));
    }

    @Test
    void authorizeWhenResourceRelativeOrWithFragmentThenInvalidTarget() {
        assertRedirectedError("invalid_target", get("response_type", "code", "client_id", "web-app",
                "resource", "/api"));
        assertRedirectedError("invalid_target", get("response_type", "code", "client_id", "web-app",
                "resource", InMemoryResourceServers.ORDERS + "#x"));
    }

    @Test
    void authorizeWhenResourceOversizedThenInvalidRequest() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "web-app",
                "resource", InMemoryResourceServers.ORDERS + "/" + "a".repeat(2048)));
    }

    @Test
    void authorizeWhenResourcesRepeatedAndSessionThenCodeBoundToEachOnce() {
        signedIn();

        location(withCookie("response_type", "code", "client_id", "web-app", "resource",
                InMemoryResourceServers.ORDERS, "resource", ISSUER, "resource", InMemoryResourceServers.ORDERS));

        AuthorizationCode code = codes.redeem("code-1").orElseThrow();
        assertEquals(List.of(InMemoryResourceServers.ORDERS, ISSUER), code.resources());
    }

    @Test
    void authorizeWhenFormPostAndSessionThenCodeStateAndIssPostedToTheRedirectUri() {
        String registered = "https://app.example/callback?tenant=acme";
        clients.put("web-app", withRedirectUris(firstParty(webApp()), registered));
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

    // request objects (OIDC Core §6)

    /** A request object of the client "signer", signed with {@code key}, with {@code redirectUri}. */
    private String requestObject(JWK key, JWSAlgorithm alg, String redirectUri) {
        clients.put("signer", TestClientKeys.privateKeyJwtClient("signer", TestClientKeys.EC));
        return TestClientKeys.sign(key, alg, new JWTClaimsSet.Builder().issuer("signer").audience(ISSUER)
                .claim("client_id", "signer").claim("response_type", "code").claim("redirect_uri", redirectUri)
                .claim("scope", "openid").claim("nonce", "signed-nonce").build());
    }

    @Test
    void authorizeWhenSignedRequestObjectThenItsParametersWinOverTheQuerys() {
        signedIn();
        String request = requestObject(TestClientKeys.EC, JWSAlgorithm.ES256, REDIRECT_URI);

        String location = location(withCookie("response_type", "code", "client_id", "signer", "scope", "openid",
                "nonce", "query-nonce", "state", "xyz", "request", request));

        assertEquals(REDIRECT_URI + "?code=code-1&state=xyz&iss=" + ENCODED_ISSUER, location);
        assertEquals("signed-nonce", codes.redeem("code-1").orElseThrow().nonce());
    }

    @Test
    void authorizeWhenRequestObjectForgedThenInvalidRequestObjectToTheQuerysRedirectUri() {
        signedIn();
        String forged = requestObject(TestClientKeys.RSA, JWSAlgorithm.RS256, REDIRECT_URI);

        String location = assertRedirectedError("invalid_request_object", withCookie("response_type", "code",
                "client_id", "signer", "redirect_uri", REDIRECT_URI, "state", "xyz", "request", forged));

        assertEquals("xyz", query(location).get("state"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenRequestObjectForgedAndQueryRedirectUriUnregisteredThenErrorPage() {
        String forged = requestObject(TestClientKeys.RSA, JWSAlgorithm.RS256, REDIRECT_URI);
        assertErrorPage("invalid_redirect_uri", get("response_type", "code", "client_id", "signer",
                "redirect_uri", "https://attacker.example/callback", "request", forged));
    }

    @Test
    void authorizeWhenSignedRequestObjectNamesAnUnregisteredRedirectUriThenErrorPage() {
        String request = requestObject(TestClientKeys.EC, JWSAlgorithm.ES256, "https://attacker.example/callback");
        assertErrorPage("invalid_redirect_uri", get("response_type", "code", "client_id", "signer",
                "redirect_uri", REDIRECT_URI, "request", request));
    }

    @Test
    void authorizeWhenRequestUriThenRequestUriNotSupported() {
        assertRedirectedError("request_uri_not_supported", get("response_type", "code", "client_id", "web-app",
                "request_uri", "https://app.example/r/1"));
    }

    @Test
    void authorizeWhenPromptNoneCombinedThenInvalidRequest() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "web-app",
                "prompt", "none login"));
    }

    @Test
    void authorizeWhenRegisteredRedirectUriHasQueryThenErrorKeepsIt() {
        String registered = "https://app.example/callback?tenant=acme";
        clients.put("web-app", withRedirectUris(firstParty(webApp()), registered));

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
        sessions.add(COOKIE, TestSessions.session("sid-1", userId, NOW, List.of("pwd"), NOW, NOW));
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
                "n-1", CHALLENGE, "S256", AUTH_TIME, List.of("pwd", "otp"), NOW, List.of(), null)), codes.redeem("code-1"));
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
        clients.put("web-app", withRedirectUris(firstParty(webApp()), registered));
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "redirect_uri", registered));

        assertEquals(registered + "&code=code-1&iss=" + ENCODED_ISSUER, location);
    }

    // OIDC Core §3.1.2.1 id_token_hint, §5.5 claims, acr_values, display

    @Test
    void authorizeWhenIdTokenHintNamesTheSessionUserThenCodeWithoutPrompt() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app", "prompt", "none",
                "id_token_hint", idTokenHint(TestUsers.alice())));

        assertEquals("code-1", query(location).get("code"));
    }

    @Test
    void authorizeWhenIdTokenHintNamesAnotherUserAndPromptNoneThenLoginRequired() {
        signedIn();

        assertRedirectedError("login_required", withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "none", "id_token_hint", idTokenHint(bob())));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenIdTokenHintNamesAnotherUserThenFreshLoginAndLoginRequiredIfStillAnother() {
        String returnTo = freshLoginReturnTo("id_token_hint", idTokenHint(bob()));
        clock.advance(Duration.ofSeconds(20));
        loggedInAgain();

        assertRedirectedError("login_required", returnedTo(returnTo));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenIdTokenHintNamesAnotherUserWhoThenLogsInThenCodeForThatUser() {
        String returnTo = freshLoginReturnTo("id_token_hint", idTokenHint(bob()));
        clock.advance(Duration.ofSeconds(20));
        users.with(bob());
        sessions.add(COOKIE, TestSessions.session("sid-2", bob().id(), clock.instant(), List.of("pwd"), clock.instant(),
                clock.instant()));

        String location = location(returnedTo(returnTo));

        assertEquals(bob().id(), codes.redeem(query(location).get("code")).orElseThrow().userId());
    }

    @Test
    void authorizeWhenIdTokenHintNamesAnotherUserAndNoSessionThenFreshLoginPage() {
        String location = location(get("response_type", "code", "client_id", "web-app",
                "id_token_hint", idTokenHint(bob())));

        assertEquals(ISSUER + "/login", withoutQuery(location));
        assertEquals("1", query(location).get("fresh"));
    }

    @Test
    void authorizeWhenIdTokenHintForgedThenInvalidRequest() {
        signedIn();
        String hint = idTokenHint(TestUsers.alice());

        assertRedirectedError("invalid_request", withCookie("response_type", "code", "client_id", "web-app",
                "id_token_hint", hint.substring(0, hint.length() - 4) + "AAAA"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenClaimsSubValueIsAnotherUserAndPromptNoneThenLoginRequired() {
        signedIn();

        assertRedirectedError("login_required", withCookie("response_type", "code", "client_id", "web-app",
                "prompt", "none", "claims", "{\"id_token\":{\"sub\":{\"value\":\"" + bob().id() + "\"}}}"));
    }

    @Test
    void authorizeWhenClaimsAndAcrValuesThenKeptWithTheCode() {
        signedIn();

        String location = location(withCookie("response_type", "code", "client_id", "web-app",
                "claims", "{\"userinfo\":{\"address\":null,\"custom\":null},\"id_token\":{\"email\":null}}",
                "acr_values", "urn:other urn:latchkey:acr:pwd", "display", "popup", "claims_locales", "fr-CA en"));

        assertEquals("{\"id_token\":{\"email\":{},\"acr\":{\"values\":[\"urn:latchkey:acr:pwd\"]}},"
                + "\"userinfo\":{\"address\":{}}}", codes.redeem(query(location).get("code")).orElseThrow().claims());
    }

    @Test
    void authorizeWhenClaimsMalformedThenInvalidRequestEvenWithoutSession() {
        assertRedirectedError("invalid_request", get("response_type", "code", "client_id", "web-app",
                "claims", "{\"userinfo\":"));
    }

    @Test
    void authorizeWhenClaimsOversizedThenInvalidRequest() {
        signedIn();

        assertRedirectedError("invalid_request", withCookie("response_type", "code", "client_id", "web-app",
                "claims", "{\"userinfo\":{\"" + "x".repeat(2100) + "\":null}}"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenEssentialAcrCannotBeMetThenUnmetAuthenticationRequirementsBeforeAnyLogin() {
        assertRedirectedError("unmet_authentication_requirements", get("response_type", "code", "client_id", "web-app",
                "claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:latchkey:acr:mfa\"]}}}"));
    }

    @Test
    void authorizeWhenDisplayUnknownThenInvalidRequest() {
        signedIn();

        assertRedirectedError("invalid_request", withCookie("response_type", "code", "client_id", "web-app",
                "display", "fullscreen"));
        assertNoCodeIssued();
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

    @Test
    void authorizeWhenSessionStoreDoesNotAnswerThenTemporarilyUnavailableRedirectedWithState() {
        AuthorizationService withoutRedis = service(UnavailableStore.create());

        // prompt=login: the login page would need a marker in the store
        String redirect = ((AuthorizationAnswer.Redirect) withoutRedis.authorize(get("response_type", "code",
                "client_id", "web-app", "redirect_uri", REDIRECT_URI, "state", "s1", "prompt", "login"))).location();

        assertEquals(REDIRECT_URI, withoutQuery(redirect));
        assertEquals("temporarily_unavailable", query(redirect).get("error"));
        assertEquals("s1", query(redirect).get("state"));
        assertEquals(ISSUER, query(redirect).get("iss"));
        assertNoCodeIssued();
    }

    @Test
    void authorizeWhenSessionStoreDoesNotAnswerAndClientUnknownThenErrorPageFirst() {
        AuthorizationService withoutRedis = service(UnavailableStore.create());

        ErrorPageException page = assertThrows(ErrorPageException.class, () -> withoutRedis.authorize(
                get("response_type", "code", "client_id", "nobody", "redirect_uri", REDIRECT_URI, "prompt", "login")));
        assertEquals("invalid_client", page.messageKey());
    }

    /** The browser logged in again just now: its cookie names a session authenticated now. */
    private void loggedInAgain() {
        Instant now = clock.instant();
        sessions.add(COOKIE, TestSessions.session("sid-2", userId, now, List.of("pwd"), now, now));
    }

    private AuthorizationService service(EphemeralStore store) {
        return new AuthorizationService(
                clientId -> Optional.ofNullable(clients.get(clientId)), sessions, users, codes,
                store, new TestServerSettings(), fixture.consents,
                new RequestObjects(new ClientSignatures(new ClientKeys(new JwksFetcher(), clock)), new TestServerSettings(),
                        clock),
                new ResourceIndicators(new ResourceServerCatalog(InMemoryResourceServers.withTestServers(),
                        new TestServerSettings(), OAuthSettings.defaults(), fixture.broadcast, clock)),
                fixture.keys, clock);
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

    private String idTokenHint(UserView user) {
        return fixture.idTokens.mint(new TokenGrant(webApp(), user, Scope.parse("openid"), AUTH_TIME, List.of("pwd"),
                "sid-1", null), "access-token", NOW);
    }

    private static UserView bob() {
        UserView alice = TestUsers.alice();
        return new UserView(UUID.fromString("0192f5e0-0000-7000-8000-000000000002"), "bob", null, false, null, null,
                null, alice.status(), Set.of(), alice.createdAt(), alice.updatedAt());
    }

    private void signedIn() {
        sessions.add(COOKIE, session());
        users.with(TestUsers.alice());
    }

    private SsoSession session() {
        return TestSessions.session("sid-1", userId, AUTH_TIME, List.of("pwd", "otp"), AUTH_TIME, NOW);
    }

}

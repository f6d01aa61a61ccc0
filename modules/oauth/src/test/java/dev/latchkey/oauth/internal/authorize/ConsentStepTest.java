package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.TestRequests.query;
import static dev.latchkey.oauth.internal.authorize.TestRequests.raw;
import static dev.latchkey.oauth.internal.authorize.TestRequests.withoutQuery;
import static dev.latchkey.oauth.internal.fixtures.TestClients.REDIRECT_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ConsentOutcome;
import dev.latchkey.oauth.api.ConsentPrompt;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.consent.Consent;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The consent step of the authorization endpoint and the consent page's decisions, together over
 * one store: when the page is shown, what it shows, what allow and deny answer, and every way a
 * decision is refused (forged, replayed, another session, a changed client).
 */
class ConsentStepTest {

    private static final String ISSUER = TestServerSettings.ISSUER;
    private static final String COOKIE = OAuthFixture.SESSION_COOKIE;
    private static final UUID ALICE = TestUsers.alice().id();

    private final OAuthFixture fixture = new OAuthFixture();
    private final AuthorizationService service = new AuthorizationService(fixture.lookup, fixture.sessions,
            fixture.users, fixture.codes, fixture.store, fixture.server, fixture.consents, fixture.requestObjects,
            fixture.resources, fixture.keys,
            fixture.clock);
    private final ConsentDecisions decisions = new ConsentDecisions(fixture.store, fixture.sessions, fixture.lookup,
            fixture.users, fixture.consents, fixture.codes, fixture.clock);

    // when the page is shown

    @Test
    void authorizeWhenThirdPartyClientNotConsentedThenConsentPageAndNoCode() {
        String location = location(request("openid profile"));

        assertEquals(ISSUER + "/consent", withoutQuery(location));
        assertEquals(43, query(location).get("request").length());
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
    }

    @Test
    void authorizeWhenConsentCoversTheScopesThenCodeWithoutPage() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid profile email"), fixture.clock.instant());

        String location = location(request("openid profile"));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals("code-1", query(location).get("code"));
    }

    @Test
    void authorizeWhenNewScopeThenPageListsOnlyTheNewOnesAndWhatWasGranted() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid profile"), fixture.clock.instant());

        ConsentPrompt prompt = decisions.prompt(requestId(location(request("openid profile email"))), COOKIE);

        assertEquals(List.of("email"), prompt.newScopes());
        assertEquals(List.of("openid", "profile"), prompt.grantedScopes());
    }

    @Test
    void authorizeWhenFirstPartyClientThenCodeWithoutPageAndOfflineAccessGranted() {
        fixture.clients.put("web-app", ClientVariants.firstParty(fixture.clients.get("web-app")));

        String location = location(request("openid offline_access"));

        assertEquals("code-1", query(location).get("code"));
        assertEquals("openid offline_access", fixture.codes.redeem("code-1").orElseThrow().scope());
    }

    @Test
    void authorizeWhenOfflineAccessNotConsentedThenPageAgainEvenWithOtherScopesGranted() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid profile"), fixture.clock.instant());

        ConsentPrompt prompt = decisions.prompt(requestId(location(request("openid offline_access"))), COOKIE);

        assertEquals(List.of("offline_access"), prompt.newScopes());
    }

    @Test
    void authorizeWhenPromptConsentThenPageEvenWhenConsented() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());

        ConsentPrompt prompt = decisions.prompt(requestId(location(request("openid", "prompt", "consent"))), COOKIE);

        assertEquals(List.of(), prompt.newScopes());
        assertEquals(List.of("openid"), prompt.grantedScopes());
    }

    @Test
    void authorizeWhenPromptConsentAndFirstPartyThenPage() {
        fixture.clients.put("web-app", ClientVariants.firstParty(fixture.clients.get("web-app")));

        assertEquals(ISSUER + "/consent", withoutQuery(location(request("openid", "prompt", "consent"))));
    }

    @Test
    void authorizeWhenPromptNoneAndConsentNeededThenConsentRequiredRedirected() {
        String location = location(request("openid", "prompt", "none", "state", "s1"));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals("consent_required", query(location).get("error"));
        assertEquals("s1", query(location).get("state"));
        assertEquals(ISSUER, query(location).get("iss"));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
    }

    @Test
    void authorizeWhenPromptNoneAndConsentedThenCode() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());

        assertEquals("code-1", query(location(request("openid", "prompt", "none"))).get("code"));
    }

    // what the page shows

    @Test
    void promptShowsTheClientItsLinksTheUserAndTheScopes() {
        RegisteredClient web = fixture.clients.get("web-app");
        fixture.clients.put("web-app", new RegisteredClient(web.clientId(), web.name(), web.type(), web.secretHash(),
                web.redirectUris(), web.grantTypes(), web.scopes(), false, new ClientMetadata(null, null, null, null,
                null, null, null, null, null, false, "https://app.example.test", "https://app.example.test/logo.png",
                "https://app.example.test/privacy", "https://app.example.test/terms", List.of())));
        String id = requestId(location(request("openid profile")));

        ConsentPrompt prompt = decisions.prompt(id, COOKIE);

        assertEquals(new ConsentPrompt(id, "web-app", "Web app", "https://app.example.test",
                "https://app.example.test/logo.png", "https://app.example.test/privacy",
                "https://app.example.test/terms", "alice", List.of("openid", "profile"), List.of()), prompt);
    }

    @Test
    void promptDoesNotConsumeTheRequest() {
        String id = requestId(location(request("openid")));

        decisions.prompt(id, COOKIE);
        decisions.prompt(id, COOKIE);

        assertInstanceOf(ConsentOutcome.Redirect.class, decisions.decide(id, COOKIE, true));
    }

    // allow and deny

    @Test
    void allowThenCodeOfTheOriginalRequestAndConsentRemembered() {
        String id = requestId(location(request("openid profile", "state", "s1", "nonce", "n1")));
        fixture.clock.advance(Duration.ofMinutes(2));

        String location = redirect(decisions.decide(id, COOKIE, true));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals(List.of("code", "state", "iss"), List.copyOf(query(location).keySet()));
        assertEquals("s1", query(location).get("state"));
        AuthorizationCode grant = fixture.codes.redeem(query(location).get("code")).orElseThrow();
        assertEquals("openid profile", grant.scope());
        assertEquals("n1", grant.nonce());
        assertEquals(CHALLENGE, grant.codeChallenge());
        assertEquals(OAuthFixture.SESSION_ID, grant.sessionId());
        assertEquals(fixture.clock.instant(), grant.issuedAt());
        Consent consent = fixture.consentStore.find(ALICE, "web-app").orElseThrow();
        assertEquals(Scope.parse("openid profile"), consent.scope());
        assertEquals(fixture.clock.instant(), consent.grantedAt());
    }

    @Test
    void allowOfNewScopesWidensTheConsent() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid profile"), fixture.clock.instant());

        decisions.decide(requestId(location(request("openid email"))), COOKIE, true);

        assertEquals(Scope.parse("openid profile email"), fixture.consentStore.find(ALICE, "web-app").orElseThrow().scope());
        assertEquals("code-2", query(location(request("profile email"))).get("code"));
    }

    @Test
    void denyThenAccessDeniedWithStateAndNothingRemembered() {
        String id = requestId(location(request("openid", "state", "s1")));

        String location = redirect(decisions.decide(id, COOKIE, false));

        assertEquals(REDIRECT_URI, withoutQuery(location));
        assertEquals("access_denied", query(location).get("error"));
        assertEquals("s1", query(location).get("state"));
        assertEquals(ISSUER, query(location).get("iss"));
        assertEquals(Optional.empty(), fixture.consentStore.find(ALICE, "web-app"));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
    }

    @Test
    void allowWhenFormPostThenFormPostingTheCode() {
        String id = requestId(location(request("openid", "response_mode", "form_post", "state", "s1")));

        ConsentOutcome.FormPost post = assertInstanceOf(ConsentOutcome.FormPost.class, decisions.decide(id, COOKIE, true));

        assertEquals(REDIRECT_URI, post.page().action());
        assertEquals(Map.of("code", "code-1", "state", "s1", "iss", ISSUER), post.page().fields());
    }

    // refused decisions: the error page, and nothing changes

    @Test
    void decideWhenReplayedThenErrorPageAndNoSecondCode() {
        String id = requestId(location(request("openid")));
        decisions.decide(id, COOKIE, true);

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, COOKIE, true));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, COOKIE, false));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-2"));
    }

    @Test
    void decideWhenForgedUnknownEmptyOrOversizedIdThenErrorPage() {
        location(request("openid"));

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide("forged-request-id", COOKIE, true));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide("", COOKIE, true));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(null, COOKIE, true));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide("x".repeat(65), COOKIE, true));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.prompt("forged-request-id", COOKIE));
        assertNothingGranted();
    }

    @Test
    void decideWhenAnotherUsersSessionThenErrorPageAndTheRequestStaysWithItsOwner() {
        String id = requestId(location(request("openid")));
        UUID mallory = UUID.randomUUID();
        fixture.sessions.add("mallory-cookie", TestSessions.session("sid-m", mallory, fixture.clock.instant()));

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.prompt(id, "mallory-cookie"));
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, "mallory-cookie", true));
        assertNothingGranted();

        assertInstanceOf(ConsentOutcome.Redirect.class, decisions.decide(id, COOKIE, true));
    }

    @Test
    void decideWhenSameUserInAnotherSessionThenErrorPage() {
        String id = requestId(location(request("openid")));
        fixture.sessions.add("other-cookie", TestSessions.session("sid-9", ALICE, fixture.clock.instant()));

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, "other-cookie", true));
        assertNothingGranted();
    }

    @Test
    void decideWhenSessionEndedOrNoCookieThenErrorPage() {
        String id = requestId(location(request("openid")));

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, null, true));
        fixture.sessions.end(COOKIE);
        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, COOKIE, true));
        assertNothingGranted();
    }

    @Test
    void decideWhenClientChangedSinceTheRequestThenErrorPage() {
        String id = requestId(location(request("openid")));
        fixture.clients.put("web-app", ClientVariants.withRedirectUris(fixture.clients.get("web-app"),
                "https://elsewhere.example.test/cb"));

        assertErrorPage(ConsentDecisions.CLIENT_CHANGED, () -> decisions.prompt(id, COOKIE));
        assertErrorPage(ConsentDecisions.CLIENT_CHANGED, () -> decisions.decide(id, COOKIE, true));
        assertNothingGranted();
    }

    @Test
    void decideWhenClientDeletedSinceTheRequestThenErrorPage() {
        String id = requestId(location(request("openid")));
        fixture.clients.remove("web-app");

        assertErrorPage(ConsentDecisions.CLIENT_CHANGED, () -> decisions.decide(id, COOKIE, true));
        assertNothingGranted();
    }

    @Test
    void decideWhenPageOpenLongerThanItsLifetimeThenErrorPage() {
        String id = requestId(location(request("openid")));
        fixture.clock.advance(PendingConsents.TTL.plusSeconds(1));

        assertErrorPage(ConsentDecisions.EXPIRED, () -> decisions.decide(id, COOKIE, true));
        assertNothingGranted();
    }

    private RawAuthorizationRequest request(String scope, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of("response_type", "code", "client_id", "web-app",
                "redirect_uri", REDIRECT_URI, "scope", scope, "code_challenge", CHALLENGE,
                "code_challenge_method", "S256"));
        all.addAll(List.of(more));
        Map<String, List<String>> parameters = raw(all.toArray(String[]::new));
        return new RawAuthorizationRequest(parameters, "/authorize", FormUrlEncoding.query(parameters), COOKIE);
    }

    private String location(RawAuthorizationRequest request) {
        return redirect(service.authorize(request));
    }

    private static String redirect(Object answer) {
        if (answer instanceof ConsentOutcome.Redirect redirect) {
            return redirect.location();
        }
        return ((AuthorizationAnswer.Redirect) answer).location();
    }

    private static String requestId(String consentPage) {
        assertEquals(ISSUER + "/consent", withoutQuery(consentPage));
        return query(consentPage).get("request");
    }

    private static void assertErrorPage(String messageKey, org.junit.jupiter.api.function.Executable call) {
        ErrorPageException page = assertThrows(ErrorPageException.class, call);
        assertEquals(400, page.status());
        assertEquals(messageKey, page.messageKey());
    }

    private void assertNothingGranted() {
        assertEquals(Optional.empty(), fixture.consentStore.find(ALICE, "web-app"));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
        assertTrue(fixture.consentStore.ofUser(ALICE).isEmpty());
    }
}

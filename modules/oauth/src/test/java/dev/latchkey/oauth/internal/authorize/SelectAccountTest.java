package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.query;
import static dev.latchkey.oauth.internal.authorize.TestRequests.raw;
import static dev.latchkey.oauth.internal.authorize.TestRequests.withoutQuery;
import static dev.latchkey.oauth.internal.fixtures.TestClients.REDIRECT_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.AccountChoicePrompt;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code prompt=select_account} (OIDC Core §3.1.2.1): a browser with a session is asked to
 * continue as its user or use another account; continuing answers the request once for that
 * user, another account is a login whose user the request is answered for; without a session the
 * login is the choice.
 */
class SelectAccountTest {

    private static final String ISSUER = TestServerSettings.ISSUER;
    private static final String COOKIE = OAuthFixture.SESSION_COOKIE;

    private final OAuthFixture fixture = new OAuthFixture();
    private final AuthorizationService service = new AuthorizationService(fixture.lookup, fixture.sessions,
            fixture.users, fixture.codes, fixture.store, fixture.server, fixture.consents, fixture.requestObjects,
            fixture.resources, fixture.keys,
            fixture.clock);
    private final AccountChoicePages pages = new AccountChoicePages(fixture.store, fixture.sessions, fixture.users,
            fixture.lookup);

    SelectAccountTest() {
        fixture.clients.put("web-app", ClientVariants.firstParty(fixture.clients.get("web-app")));
    }

    @Test
    void authorizeWhenSessionThenAccountPageAndNoCode() {
        String location = location(request(COOKIE));

        assertEquals(ISSUER + "/select-account", withoutQuery(location));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
    }

    @Test
    void promptNamesTheUserTheClientAndBothWays() {
        AccountChoicePrompt prompt = pages.prompt(offerId(location(request(COOKIE))), COOKIE);

        assertEquals("alice", prompt.username());
        assertEquals("Web app", prompt.clientName());
        assertTrue(prompt.continueLocation().startsWith("/authorize?"), prompt.continueLocation());
        assertTrue(prompt.anotherAccountLocation().startsWith(ISSUER + "/login?"), prompt.anotherAccountLocation());
        assertEquals("1", query(prompt.anotherAccountLocation()).get("fresh"));
    }

    @Test
    void continueAsTheSignedInUserThenCodeForThatUserOnce() {
        String continueLocation = pages.prompt(offerId(location(request(COOKIE))), COOKIE).continueLocation();

        String answered = location(followed(continueLocation, COOKIE));
        assertEquals(REDIRECT_URI, withoutQuery(answered));
        assertEquals(TestUsers.alice().id(), fixture.codes.redeem(query(answered).get("code")).orElseThrow().userId());

        // the marker counts once: a reload asks again
        assertEquals(ISSUER + "/select-account", withoutQuery(location(followed(continueLocation, COOKIE))));
    }

    @Test
    void useAnotherAccountThenTheLoginAnswersTheRequestForItsUser() {
        String login = pages.prompt(offerId(location(request(COOKIE))), COOKIE).anotherAccountLocation();
        String returnTo = query(login).get("return_to");
        // the login replaces the session with bob's
        UUID bob = TestUsers.bob().id();
        fixture.users.with(TestUsers.bob());
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.sessions.end(COOKIE);
        fixture.sessions.add("bob-cookie", TestSessions.session("sid-bob", bob, fixture.clock.instant()));

        String answered = location(followed(returnTo, "bob-cookie"));

        assertEquals(REDIRECT_URI, withoutQuery(answered));
        assertEquals(bob, fixture.codes.redeem(query(answered).get("code")).orElseThrow().userId());
    }

    @Test
    void withoutSessionThenLoginPageWhoseLoginIsTheChoice() {
        String login = location(request(null));
        assertEquals(ISSUER + "/login", withoutQuery(login));
        fixture.clock.advance(Duration.ofSeconds(5));
        fixture.sessions.add("new-cookie", TestSessions.session("sid-new", TestUsers.alice().id(),
                fixture.clock.instant()));

        String answered = location(followed(query(login).get("return_to"), "new-cookie"));

        assertEquals(REDIRECT_URI, withoutQuery(answered));
    }

    @Test
    void continueMarkerOfAnotherSessionForgedOrOfAnotherClientCountsAsNone() {
        String continueLocation = pages.prompt(offerId(location(request(COOKIE))), COOKIE).continueLocation();
        fixture.sessions.add("other-cookie", TestSessions.session("sid-other", TestUsers.alice().id(),
                fixture.clock.instant()));

        assertEquals(ISSUER + "/select-account", withoutQuery(location(followed(continueLocation, "other-cookie"))));
        assertEquals(ISSUER + "/select-account", withoutQuery(location(followed(
                "/authorize?" + FormUrlEncoding.query(request(COOKIE).parameters()) + "&lk_account=forged", COOKIE))));
        assertEquals(Optional.empty(), fixture.codes.redeem("code-1"));
    }

    @Test
    void promptWhenAnotherSessionUnknownOrExpiredThenErrorPage() {
        String id = offerId(location(request(COOKIE)));
        fixture.sessions.add("other-cookie", TestSessions.session("sid-other", UUID.randomUUID(),
                fixture.clock.instant()));

        assertErrorPage(() -> pages.prompt(id, "other-cookie"));
        assertErrorPage(() -> pages.prompt(id, null));
        assertErrorPage(() -> pages.prompt("forged", COOKIE));
        assertErrorPage(() -> pages.prompt("x".repeat(65), COOKIE));
        fixture.clock.advance(AccountSelections.TTL.plusSeconds(1));
        assertErrorPage(() -> pages.prompt(id, COOKIE));
    }

    @Test
    void selectAccountWithPromptNoneThenInvalidRequest() {
        Map<String, List<String>> parameters = raw("response_type", "code", "client_id", "web-app",
                "redirect_uri", REDIRECT_URI, "scope", "openid", "prompt", "none select_account");
        String location = location(new RawAuthorizationRequest(parameters, "/authorize",
                FormUrlEncoding.query(parameters), COOKIE));

        assertEquals("invalid_request", query(location).get("error"));
    }

    private static RawAuthorizationRequest request(String cookie) {
        Map<String, List<String>> parameters = raw("response_type", "code", "client_id", "web-app",
                "redirect_uri", REDIRECT_URI, "scope", "openid", "prompt", "select_account", "state", "s1");
        return new RawAuthorizationRequest(parameters, "/authorize", FormUrlEncoding.query(parameters), cookie);
    }

    /** The request a link (a local path with a query) leads to, with a cookie. */
    private static RawAuthorizationRequest followed(String pathAndQuery, String cookie) {
        URI uri = URI.create(pathAndQuery.startsWith("/") ? ISSUER + pathAndQuery : pathAndQuery);
        Map<String, String> single = query(uri.toString());
        String[] namesAndValues = single.entrySet().stream()
                .flatMap(entry -> java.util.stream.Stream.of(entry.getKey(), entry.getValue()))
                .toArray(String[]::new);
        return new RawAuthorizationRequest(raw(namesAndValues), uri.getRawPath(), uri.getRawQuery(), cookie);
    }

    private String location(RawAuthorizationRequest request) {
        return ((AuthorizationAnswer.Redirect) service.authorize(request)).location();
    }

    private static String offerId(String accountPage) {
        assertEquals(ISSUER + "/select-account", withoutQuery(accountPage));
        return query(accountPage).get("request");
    }

    private static void assertErrorPage(org.junit.jupiter.api.function.Executable call) {
        assertEquals(AccountChoicePages.EXPIRED, assertThrows(ErrorPageException.class, call).messageKey());
    }
}

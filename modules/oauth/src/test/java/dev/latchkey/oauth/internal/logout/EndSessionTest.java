package dev.latchkey.oauth.internal.logout;

import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.LogoutStep;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndSessionTest {

    private static final String COOKIE = "cookie-1";
    private static final String SID = "sid-1";
    private static final String BYE = "https://app.example.test/bye";

    private final OAuthFixture fixture = new OAuthFixture();
    private final EndSession endSession = new EndSession(fixture.store, fixture.sessions, fixture.lookup, fixture.keys,
            fixture.server);
    private RegisteredClient client;

    @BeforeEach
    void registerAClientWithAPostLogoutRedirectUri() {
        RegisteredClient web = TestClients.webApp();
        client = new RegisteredClient(web.clientId(), web.name(), web.type(), web.secretHash(), web.redirectUris(),
                web.grantTypes(), web.scopes(), web.firstParty(), new ClientMetadata(null, null, null, null, null,
                null, null, null, null, false, null, null, null, null, List.of(), List.of(BYE), null, false));
        fixture.clients.put(client.clientId(), client);
        fixture.sessions.add(COOKIE, TestSessions.session(SID, fixture.alice().id(), fixture.clock.instant()));
    }

    private String hint(RegisteredClient to, String sessionId, Instant issuedAt) {
        return fixture.idTokens.mint(new TokenGrant(to, fixture.alice(), Scope.parse("openid"), issuedAt,
                List.of("pwd"), sessionId, null), "access-token", issuedAt);
    }

    private String hint() {
        return hint(client, SID, fixture.clock.instant());
    }

    private boolean sessionLives() {
        return fixture.sessions.resolve(COOKIE).isPresent();
    }

    @Test
    void requestWhenTheHintNamesTheBrowsersSessionThenLoggedOutAtOnceAndRedirectedWithState() {
        LogoutStep step = endSession.request(form("id_token_hint", hint(), "post_logout_redirect_uri", BYE,
                "state", "s 1&x", "ui_locales", "de", "logout_hint", "alice"), COOKIE);

        assertEquals(new LogoutStep.Redirect(BYE + "?state=s+1%26x"), step);
        assertTrue(!sessionLives());
    }

    @Test
    void requestWhenTheHintHasExpiredThenStillAccepted() {
        // RP-Initiated Logout §2: an expired ID token is a valid hint
        String expired = hint(client, SID, fixture.clock.instant().minus(Duration.ofDays(2)));

        assertEquals(new LogoutStep.SignedOut("Web app"), endSession.request(form("id_token_hint", expired), COOKIE));
        assertTrue(!sessionLives());
    }

    @Test
    void requestWhenNoHintThenConfirmationFirstAndTheConfirmationLogsOutOnce() {
        LogoutStep step = endSession.request(form("client_id", client.clientId(), "post_logout_redirect_uri", BYE),
                COOKIE);

        LogoutStep.Confirm confirm = assertInstanceOf(LogoutStep.Confirm.class, step);
        assertEquals("Web app", confirm.clientName());
        assertTrue(sessionLives(), "nothing ends before the user confirms");
        assertEquals(new LogoutStep.Redirect(BYE), endSession.confirm(confirm.requestId(), COOKIE));
        assertTrue(!sessionLives());
        ErrorPageException replayed = assertThrows(ErrorPageException.class,
                () -> endSession.confirm(confirm.requestId(), COOKIE));
        assertEquals(EndSession.EXPIRED, replayed.messageKey());
    }

    @Test
    void requestWhenTheHintNamesAnotherSessionThenConfirmationFirst() {
        String other = hint(client, "another-sid", fixture.clock.instant());

        assertInstanceOf(LogoutStep.Confirm.class, endSession.request(form("id_token_hint", other), COOKIE));
        assertTrue(sessionLives());
    }

    @Test
    void confirmWhenTheBrowserSignedInAgainSinceThenRefusedAndTheNewSessionLives() {
        LogoutStep.Confirm confirm = (LogoutStep.Confirm) endSession.request(form(), COOKIE);
        fixture.sessions.end(COOKIE);
        fixture.sessions.add("cookie-2", TestSessions.session("sid-2", fixture.alice().id(), fixture.clock.instant()));

        assertThrows(ErrorPageException.class, () -> endSession.confirm(confirm.requestId(), "cookie-2"));
        assertTrue(fixture.sessions.resolve("cookie-2").isPresent());
    }

    @Test
    void requestWithoutASessionThenNothingToEndAndOnAtOnce() {
        assertEquals(new LogoutStep.Redirect(BYE + "?state=s"), endSession.request(form("client_id",
                client.clientId(), "post_logout_redirect_uri", BYE, "state", "s"), null));
        assertEquals(new LogoutStep.SignedOut(null), endSession.request(form(), "unknown-cookie"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.test/bye/", "https://app.example.test/BYE", "https://evil.example/bye",
            "https://app.example.test/bye?x=1", TestClients.REDIRECT_URI})
    void requestWhenThePostLogoutRedirectUriIsNotRegisteredThenErrorPageAndNothingEnds(String uri) {
        ErrorPageException refused = assertThrows(ErrorPageException.class, () -> endSession.request(
                form("id_token_hint", hint(), "post_logout_redirect_uri", uri), COOKIE));
        assertEquals("invalid_redirect_uri", refused.messageKey());
        assertTrue(sessionLives());
    }

    @Test
    void requestWhenAPostLogoutRedirectUriButNoClientThenErrorPage() {
        assertRefused(form("post_logout_redirect_uri", BYE));
    }

    @Test
    void requestWhenClientIdIsNotAnAudienceOfTheHintThenErrorPage() {
        assertRefused(form("id_token_hint", hint(), "client_id", TestClients.spa().clientId()));
    }

    @Test
    void requestWhenClientIdIsUnknownThenErrorPage() {
        assertRefused(form("client_id", "no-such-client", "post_logout_redirect_uri", BYE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void requestWhenTheHintIsNotAJwtOfThisServerThenErrorPage(String garbage) {
        assertRefused(form("id_token_hint", garbage));
    }

    @Test
    void requestWhenTheHintIsSignedByAnotherKeyThenErrorPage() throws Exception {
        Instant now = fixture.clock.instant();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject(fixture.alice().id().toString())
                        .audience(client.clientId()).claim("sid", SID).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        forged.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));

        assertRefused(form("id_token_hint", forged.serialize(), "post_logout_redirect_uri", BYE));
    }

    @Test
    void requestWhenAParameterIsRepeatedOrOversizedThenErrorPage() {
        assertRefused(form("state", "a", "state", "b"));
        assertRefused(form("id_token_hint", "x".repeat(EndSessionRequest.MAX_HINT_LENGTH + 1)));
        assertRefused(form("state", "x".repeat(EndSessionRequest.MAX_VALUE_LENGTH + 1)));
    }

    @Test
    void confirmWhenUnknownOrMalformedIdThenErrorPage() {
        assertThrows(ErrorPageException.class, () -> endSession.confirm("unknown", COOKIE));
        assertThrows(ErrorPageException.class, () -> endSession.confirm(null, COOKIE));
        assertThrows(ErrorPageException.class, () -> endSession.confirm("x".repeat(500), COOKIE));
        assertTrue(sessionLives());
    }

    private void assertRefused(Map<String, List<String>> parameters) {
        ErrorPageException refused = assertThrows(ErrorPageException.class,
                () -> endSession.request(parameters, COOKIE));
        assertEquals(400, refused.status());
        assertTrue(sessionLives(), "a refused request ends nothing");
    }
}

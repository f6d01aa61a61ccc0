package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestAuthorizationCodes;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.AtHash;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantHandlerTest {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    /** RFC 7636 Appendix B: the S256 challenge of {@link #VERIFIER}. */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final Instant AUTH_TIME = Instant.parse("2026-11-23T09:58:00Z");

    private final OAuthFixture fixture = new OAuthFixture();

    private String code(String clientId, String redirectUri, String challenge) {
        return fixture.codes.issue(new AuthorizationCode(clientId, redirectUri, TestUsers.alice().id(), "sid-1",
                "openid profile offline_access", "n-0S6_WzA2Mj", challenge, challenge == null ? null : "S256",
                AUTH_TIME, List.of("pwd", "otp"), fixture.clock.instant(), List.of(), null));
    }

    private TokenResponse redeem(String... parameters) {
        return fixture.endpoint.exchange(form(parameters), null, "ip", "ua");
    }

    private String[] confidential(String code, String... extra) {
        String[] base = {"grant_type", "authorization_code", "client_id", "web-app", "client_secret", TestClients.SECRET,
                "code", code, "redirect_uri", TestClients.REDIRECT_URI};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void redeemWhenValidThenAccessIdAndRefreshTokens() throws ParseException {
        String code = code("web-app", TestClients.REDIRECT_URI, CHALLENGE);
        TokenResponse response = redeem(confidential(code, "code_verifier", VERIFIER));
        assertEquals("Bearer", response.tokenType());
        assertEquals("openid profile offline_access", response.scope());
        assertNotNull(response.refreshToken());
        JWTClaimsSet access = fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet();
        assertEquals(TestUsers.alice().id().toString(), access.getSubject());
        assertEquals(AUTH_TIME.getEpochSecond(), access.getLongClaim("auth_time"));
        JWTClaimsSet id = fixture.verifiedByJwks(response.idToken()).getJWTClaimsSet();
        assertEquals("n-0S6_WzA2Mj", id.getStringClaim("nonce"));
        assertEquals("sid-1", id.getStringClaim("sid"));
        assertEquals(List.of("pwd", "otp"), id.getStringListClaim("amr"));
        assertEquals(AtHash.of(response.accessToken(), JWSAlgorithm.RS256), id.getStringClaim("at_hash"));
        assertEquals(List.of("web-app"), id.getAudience());
        assertEquals(1, fixture.refreshTokenStore.all().size());
        assertEquals("sid-1", fixture.refreshTokenStore.all().get(0).sessionId());
        assertEquals(TestUsers.alice().id(), fixture.issued.fired().get(0).userId());
    }

    @Test
    void redeemWhenCodeCarriesAClaimsRequestThenIdTokenClaimsAndUserinfoClaimsAndTheRefreshTokenKeepsIt()
            throws ParseException {
        String claims = "{\"id_token\":{\"email\":{}},\"userinfo\":{\"phone_number\":{}}}";
        String code = fixture.codes.issue(new AuthorizationCode("web-app", TestClients.REDIRECT_URI,
                TestUsers.alice().id(), "sid-1", "openid offline_access", null, null, null, AUTH_TIME, List.of("pwd"),
                fixture.clock.instant(), List.of(), claims));

        TokenResponse response = redeem(confidential(code));

        JWTClaimsSet id = fixture.verifiedByJwks(response.idToken()).getJWTClaimsSet();
        assertEquals("alice@example.test", id.getStringClaim("email"));
        assertEquals("urn:latchkey:acr:pwd", id.getStringClaim("acr"));
        assertEquals(List.of("phone_number"),
                fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet().getStringListClaim("userinfo_claims"));
        assertEquals(claims, fixture.refreshTokenStore.all().get(0).claims());
    }

    @Test
    void redeemWhenConfidentialClientWithoutPkceThenTokens() {
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        assertNotNull(redeem(confidential(code)).accessToken());
    }

    @Test
    void redeemWhenClientHasNoRefreshGrantThenNoRefreshToken() {
        String code = fixture.codes.issue(new AuthorizationCode("code-only", TestClients.REDIRECT_URI,
                TestUsers.alice().id(), "sid-1", "openid", null, null, null, AUTH_TIME, List.of("pwd"),
                fixture.clock.instant(), List.of(), null));
        TokenResponse response = redeem("grant_type", "authorization_code", "client_id", "code-only",
                "client_secret", TestClients.SECRET, "code", code, "redirect_uri", TestClients.REDIRECT_URI);
        assertNull(response.refreshToken());
        assertNotNull(response.idToken());
        assertTrue(fixture.refreshTokenStore.all().isEmpty());
    }

    @Test
    void redeemWhenPublicClientWithVerifierThenTokens() {
        String code = code("spa", "http://127.0.0.1:5173/cb", CHALLENGE);
        TokenResponse response = redeem("grant_type", "authorization_code", "client_id", "spa", "code", code,
                "redirect_uri", "http://127.0.0.1:5173/cb", "code_verifier", VERIFIER);
        assertNotNull(response.refreshToken());
    }

    @Test
    void redeemWhenCodeReplayedThenInvalidGrantAndTheFirstExchangesTokensRevoked() {
        String code = code("web-app", TestClients.REDIRECT_URI, CHALLENGE);
        TokenResponse first = redeem(confidential(code, "code_verifier", VERIFIER));
        assertNotNull(fixture.verifier.verify(first.accessToken()));
        var replayed = assertOAuthError("invalid_grant", () -> redeem(confidential(code, "code_verifier", VERIFIER)));
        assertTrue(replayed.description().contains("already used"));
        assertTrue(fixture.refreshTokenStore.all().stream().allMatch(token -> token.revokedAt() != null));
        assertOAuthError("invalid_grant", () -> redeem("grant_type", "refresh_token", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "refresh_token", first.refreshToken()));
        // RFC 6749 §4.1.2: the access token of the first exchange is revoked too (its grant is deny-listed)
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(first.accessToken()));
    }

    @Test
    void redeemWhenCodeReplayedAfterTheMarkerExpiredThenStillRevoked() {
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        redeem(confidential(code));
        AuthorizationCodeGrantHandler forgetful = new AuthorizationCodeGrantHandler(new TestAuthorizationCodes(),
                fixture.redemptions, fixture.users, fixture.refreshTokens, fixture.issuer, fixture.resources);
        TokenRequest replay = new TokenRequest("authorization_code", RequestParameters.of(form(confidential(code))),
                new AuthenticatedClient(TestClients.webApp(), ClientAuthMethod.CLIENT_SECRET_POST), "ip", "ua",
                fixture.clock.instant());
        assertOAuthError("invalid_grant", () -> forgetful.handle(replay));
        assertTrue(fixture.refreshTokenStore.all().stream().allMatch(token -> token.revokedAt() != null));
    }

    @Test
    void redeemWhenCodeUnknownThenInvalidGrant() {
        var refused = assertOAuthError("invalid_grant", () -> redeem(confidential("no-such-code")));
        assertTrue(refused.description().contains("invalid or expired"));
    }

    @Test
    void redeemWhenCodeMissingThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> redeem("grant_type", "authorization_code", "client_id", "web-app",
                "client_secret", TestClients.SECRET));
    }

    @Test
    void redeemWhenCodeIssuedToAnotherClientThenInvalidGrant() {
        String code = code("code-only", TestClients.REDIRECT_URI, null);
        assertOAuthError("invalid_grant", () -> redeem(confidential(code)));
    }

    @Test
    void redeemWhenRedirectUriDiffersThenInvalidGrant() {
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        assertOAuthError("invalid_grant", () -> redeem("grant_type", "authorization_code", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "code", code, "redirect_uri", "https://app.example.test/other"));
    }

    @Test
    void redeemWhenRedirectUriOmittedButGivenInAuthorizationThenInvalidGrant() {
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        assertOAuthError("invalid_grant", () -> redeem("grant_type", "authorization_code", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "code", code));
    }

    @Test
    void redeemWhenAuthorizationRequestHadNoRedirectUriThenNoneNeeded() {
        String code = code("web-app", null, null);
        assertNotNull(redeem("grant_type", "authorization_code", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "code", code).accessToken());
    }

    @Test
    void redeemWhenVerifierWrongThenInvalidGrant() {
        String code = code("web-app", TestClients.REDIRECT_URI, CHALLENGE);
        assertOAuthError("invalid_grant", () -> redeem(confidential(code, "code_verifier", "x".repeat(43))));
    }

    @Test
    void redeemWhenVerifierMissingThenInvalidGrant() {
        String code = code("web-app", TestClients.REDIRECT_URI, CHALLENGE);
        assertOAuthError("invalid_grant", () -> redeem(confidential(code)));
    }

    @Test
    void redeemWhenVerifierMalformedThenInvalidRequestAndCodeNotSpent() {
        String code = code("web-app", TestClients.REDIRECT_URI, CHALLENGE);
        assertOAuthError("invalid_request", () -> redeem(confidential(code, "code_verifier", "short")));
        assertNotNull(redeem(confidential(code, "code_verifier", VERIFIER)).accessToken());
    }

    @Test
    void redeemWhenLoopbackRedirectUriOnAnotherPortThanTheAuthorizationRequestThenInvalidGrant() {
        // the code remembers the port /authorize accepted (RFC 8252 §7.3); RFC 6749 §4.1.3 asks for that URI again
        String code = code("spa", "http://127.0.0.1:49152/cb", CHALLENGE);
        assertOAuthError("invalid_grant", () -> redeem("grant_type", "authorization_code", "client_id", "spa",
                "code", code, "redirect_uri", "http://127.0.0.1:5173/cb", "code_verifier", VERIFIER));
    }

    @Test
    void redeemWhenLoopbackRedirectUriOnTheAuthorizationRequestsOwnPortThenTokens() {
        String code = code("spa", "http://127.0.0.1:49152/cb", CHALLENGE);
        assertNotNull(redeem("grant_type", "authorization_code", "client_id", "spa", "code", code,
                "redirect_uri", "http://127.0.0.1:49152/cb", "code_verifier", VERIFIER).accessToken());
    }

    @Test
    void redeemWhenPublicClientCodeHasNoChallengeThenInvalidGrant() {
        String code = code("spa", "http://127.0.0.1:5173/cb", null);
        assertOAuthError("invalid_grant", () -> redeem("grant_type", "authorization_code", "client_id", "spa",
                "code", code, "redirect_uri", "http://127.0.0.1:5173/cb"));
    }

    @Test
    void redeemWhenUserDisabledThenInvalidGrant() {
        fixture.users.with(TestUsers.disabled(TestUsers.alice()));
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        assertOAuthError("invalid_grant", () -> redeem(confidential(code)));
    }

    @Test
    void redeemWhenUserDeletedThenInvalidGrant() {
        fixture.users.remove(TestUsers.alice().id());
        String code = code("web-app", TestClients.REDIRECT_URI, null);
        assertOAuthError("invalid_grant", () -> redeem(confidential(code)));
    }
}

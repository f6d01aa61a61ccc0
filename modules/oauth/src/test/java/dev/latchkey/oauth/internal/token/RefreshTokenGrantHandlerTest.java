package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantHandlerTest {

    private static final Instant AUTH_TIME = Instant.parse("2026-11-23T09:50:00Z");

    private final OAuthFixture fixture = new OAuthFixture();

    private String issue(String scope) {
        TokenGrant grant = new TokenGrant(fixture.clients.get("web-app"), TestUsers.alice(), Scope.parse(scope),
                AUTH_TIME, List.of("pwd"), "sid-1", "nonce-1");
        return fixture.refreshTokens.issue(grant, fixture.clock.instant()).value();
    }

    private TokenResponse refresh(String clientId, String token, String... extra) {
        List<String> parameters = new java.util.ArrayList<>(List.of("grant_type", "refresh_token", "client_id", clientId,
                "client_secret", TestClients.SECRET, "refresh_token", token));
        parameters.addAll(List.of(extra));
        return fixture.endpoint.exchange(form(parameters.toArray(String[]::new)), null, "ip", "ua");
    }

    @Test
    void refreshWhenUsableThenNewTokensAndOldOneUsed() throws ParseException {
        String token = issue("openid profile orders:read");
        fixture.clock.advance(Duration.ofMinutes(10));
        TokenResponse response = refresh("web-app", token);
        assertNotNull(response.refreshToken());
        assertNotEquals(token, response.refreshToken());
        assertEquals("openid profile orders:read", response.scope());
        JWTClaimsSet id = fixture.verifiedByJwks(response.idToken()).getJWTClaimsSet();
        assertEquals(AUTH_TIME.getEpochSecond(), id.getLongClaim("auth_time"));
        // OIDC Core §12.2: a refreshed ID token SHOULD NOT carry a nonce
        assertNull(id.getClaim("nonce"));
        assertEquals("sid-1", id.getStringClaim("sid"));
        RefreshToken old = fixture.refreshTokenStore.find(SecureTokens.hash(token)).orElseThrow();
        RefreshToken successor = fixture.refreshTokenStore.find(SecureTokens.hash(response.refreshToken())).orElseThrow();
        assertNotNull(old.usedAt());
        assertEquals(old.familyId(), successor.familyId());
        assertEquals(old.expiresAt(), successor.expiresAt(), "rotation keeps the family's expiry");
        assertEquals(old.issuedAt().plus(Duration.ofDays(30)), successor.expiresAt());
    }

    @Test
    void refreshWhenTheClientHasItsOwnLifetimesThenTheyGovernTheFamilyAndItsAccessTokens() {
        fixture.clients.put("web-app", TestClients.withLifetimes(TestClients.webApp(), Duration.ofSeconds(60),
                Duration.ofHours(1)));
        Instant issuedAt = fixture.clock.instant();
        String token = issue("openid orders:read");
        assertEquals(issuedAt.plus(Duration.ofHours(1)),
                fixture.refreshTokenStore.find(SecureTokens.hash(token)).orElseThrow().expiresAt());

        fixture.clock.advance(Duration.ofMinutes(50));
        TokenResponse response = refresh("web-app", token);
        assertEquals(60, response.expiresIn());
        assertEquals(issuedAt.plus(Duration.ofHours(1)), fixture.refreshTokenStore
                .find(SecureTokens.hash(response.refreshToken())).orElseThrow().expiresAt(),
                "the successor does not outlive the family");

        fixture.clock.advance(Duration.ofMinutes(10));
        var refused = assertOAuthError("invalid_grant", () -> refresh("web-app", response.refreshToken()));
        assertTrue(refused.description().contains("expired"));
    }

    @Test
    void refreshWhenTheGrantHadAClaimsRequestThenRefreshedTokensKeepIt() throws ParseException {
        ClaimsRequest asked = ClaimsRequest.parse("{\"id_token\":{\"email\":null},\"userinfo\":{\"address\":null}}");
        String token = fixture.refreshTokens.issue(new TokenGrant(fixture.clients.get("web-app"), TestUsers.alice(),
                Scope.parse("openid"), AUTH_TIME, List.of("pwd"), "sid-1", null, asked), fixture.clock.instant()).value();

        TokenResponse response = refresh("web-app", token);

        assertEquals("alice@example.test",
                fixture.verifiedByJwks(response.idToken()).getJWTClaimsSet().getStringClaim("email"));
        assertEquals(List.of("address"),
                fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet().getStringListClaim("userinfo_claims"));
        assertEquals(asked.toJson(), fixture.refreshTokenStore.find(SecureTokens.hash(response.refreshToken()))
                .orElseThrow().claims());
    }

    @Test
    void refreshWhenScopeNarrowedThenNarrowAccessTokenAndSuccessorKeepsOriginalScope() {
        String token = issue("openid profile orders:read");
        TokenResponse response = refresh("web-app", token, "scope", "orders:read");
        assertEquals("orders:read", response.scope());
        assertNull(response.idToken(), "no openid, no ID token");
        RefreshToken successor = fixture.refreshTokenStore.find(SecureTokens.hash(response.refreshToken())).orElseThrow();
        assertEquals("openid profile orders:read", successor.scope());
    }

    @Test
    void refreshWhenScopeWidenedThenInvalidScopeAndTokenStillUsable() {
        String token = issue("openid orders:read");
        assertOAuthError("invalid_scope", () -> refresh("web-app", token, "scope", "openid email"));
        assertNotNull(refresh("web-app", token).accessToken());
    }

    @Test
    void refreshWhenClientLostAScopeThenItIsDropped() {
        String token = issue("openid orders:read");
        var client = fixture.clients.get("web-app");
        fixture.clients.put("web-app", new dev.latchkey.oauth.internal.client.RegisteredClient(client.clientId(),
                client.name(), client.type(), client.secretHash(), client.redirectUris(), client.grantTypes(),
                Set.of("openid"), client.firstParty()));
        assertEquals("openid", refresh("web-app", token).scope());
    }

    @Test
    void refreshWhenTokenReusedThenInvalidGrantAndFamilyRevoked() {
        String token = issue("openid");
        TokenResponse first = refresh("web-app", token);
        var refused = assertOAuthError("invalid_grant", () -> refresh("web-app", token));
        assertTrue(refused.description().contains("family is revoked"));
        assertTrue(fixture.refreshTokenStore.all().stream().allMatch(stored -> stored.revokedAt() != null));
        assertOAuthError("invalid_grant", () -> refresh("web-app", first.refreshToken()));
    }

    @Test
    void refreshWhenUnknownThenInvalidGrant() {
        assertOAuthError("invalid_grant", () -> refresh("web-app", SecureTokens.newToken()));
    }

    @Test
    void refreshWhenMissingThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.endpoint.exchange(form("grant_type", "refresh_token",
                "client_id", "web-app", "client_secret", TestClients.SECRET), null, "ip", "ua"));
    }

    @Test
    void refreshWhenExpiredThenInvalidGrant() {
        String token = issue("openid");
        fixture.clock.advance(Duration.ofDays(30));
        var refused = assertOAuthError("invalid_grant", () -> refresh("web-app", token));
        assertTrue(refused.description().contains("expired"));
    }

    @Test
    void refreshWhenRevokedThenInvalidGrant() {
        String token = issue("openid");
        fixture.refreshTokenStore.revokeClient("web-app", fixture.clock.instant());
        var refused = assertOAuthError("invalid_grant", () -> refresh("web-app", token));
        assertTrue(refused.description().contains("revoked"));
    }

    @Test
    void refreshWhenPresentedByAnotherClientThenInvalidGrantAndTokenUntouched() {
        fixture.clients.put("other", new dev.latchkey.oauth.internal.client.RegisteredClient("other", "Other",
                dev.latchkey.oauth.api.ClientType.CONFIDENTIAL, dev.latchkey.oauth.internal.client.ClientSecrets.hash(
                TestClients.SECRET), List.of(TestClients.REDIRECT_URI), Set.of("authorization_code", "refresh_token"),
                Set.of("openid"), false));
        String token = issue("openid");
        assertOAuthError("invalid_grant", () -> refresh("other", token));
        assertNotNull(refresh("web-app", token).accessToken());
    }

    @Test
    void refreshWhenUserDisabledThenInvalidGrant() {
        String token = issue("openid");
        fixture.users.with(TestUsers.disabled(TestUsers.alice()));
        assertOAuthError("invalid_grant", () -> refresh("web-app", token));
    }

    @Test
    void refreshWhenConcurrentUseLostThenInvalidGrantAndFamilyRevoked() {
        String token = issue("openid");
        RefreshToken current = fixture.refreshTokens.find(token).orElseThrow();
        // another request marks it used between this request's read and its update
        assertTrue(fixture.refreshTokenStore.markUsed(current.tokenHash(), fixture.clock.instant()));
        assertTrue(fixture.refreshTokens.rotate(current, fixture.clock.instant()).isEmpty());
        assertTrue(fixture.refreshTokenStore.all().stream().allMatch(stored -> stored.revokedAt() != null));
    }

    // OIDC Core §11: without offline_access a refresh token lives no longer than its session

    @Test
    void refreshWhenSessionEndedAndNoOfflineAccessThenInvalidGrantAndFamilyRevoked() {
        String token = issue("openid profile");
        fixture.sessions.end(OAuthFixture.SESSION_COOKIE);

        assertOAuthError("invalid_grant", () -> refresh("web-app", token));

        RefreshToken stored = fixture.refreshTokenStore.find(SecureTokens.hash(token)).orElseThrow();
        assertNotNull(stored.revokedAt());
        assertNull(stored.usedAt(), "refused before it was used");
    }

    @Test
    void refreshWhenSessionLiveAndNoOfflineAccessThenNewTokens() {
        String token = issue("openid profile");

        assertNotNull(refresh("web-app", token).refreshToken());
    }

    @Test
    void refreshWhenSessionEndedAndOfflineAccessThenNewTokensOutliveTheSession() {
        String token = issue("openid offline_access");
        fixture.sessions.end(OAuthFixture.SESSION_COOKIE);

        TokenResponse response = refresh("web-app", token);

        assertEquals("openid offline_access", response.scope());
        assertNotNull(refresh("web-app", response.refreshToken()).accessToken());
    }

    @Test
    void refreshWhenSessionEndedAndScopeNarrowedWithoutOfflineAccessThenStillAllowed() {
        // the grant (the refresh token) has offline_access; a narrower access token does not end it
        String token = issue("openid offline_access orders:read");
        fixture.sessions.end(OAuthFixture.SESSION_COOKIE);

        assertEquals("orders:read", refresh("web-app", token, "scope", "orders:read").scope());
    }
}

package dev.latchkey.oauth.internal.revocation;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.AccessTokenVerifier;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.IssuedRefreshToken;
import dev.latchkey.oauth.internal.token.RefreshToken;
import dev.latchkey.oauth.internal.token.TokenResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RevocationTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static final String WEB_APP = basic("web-app", TestClients.SECRET);
    private static final String SERVICE = basic("service", TestClients.SECRET);

    private String accessToken(RegisteredClient client) {
        return fixture.accessTokens.mint(new TokenGrant(client, TestUsers.alice(), Scope.parse("openid profile"),
                fixture.clock.instant(), List.of("pwd"), null, null), fixture.clock.instant()).value();
    }

    private IssuedRefreshToken refreshToken(RegisteredClient client) {
        return fixture.refreshTokens.issue(new TokenGrant(client, TestUsers.alice(), Scope.parse("openid"),
                fixture.clock.instant(), List.of("pwd"), "sid-1", null), fixture.clock.instant());
    }

    private Set<RefreshToken.State> familyStates(IssuedRefreshToken token) {
        return fixture.refreshTokenStore.all().stream().filter(stored -> stored.familyId().equals(token.familyId()))
                .map(stored -> stored.state(fixture.clock.instant())).collect(Collectors.toSet());
    }

    @Test
    void revokeWhenAccessTokenThenItsJtiIsDeniedUntilItExpires() {
        String token = accessToken(TestClients.webApp());
        VerifiedAccessToken verified = fixture.verifier.verify(token);
        fixture.revocation.revoke(form("token", token), WEB_APP);
        assertTrue(fixture.revokedAccessTokens.isRevoked(verified.jwtId(), verified.expiresAt()));
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
        assertOAuthError("invalid_token", () -> fixture.userinfo.claims("Bearer " + token, null));
        assertTrue(fixture.store.get("revoked-jti:" + verified.jwtId()).isPresent());
        fixture.clock.advance(Duration.ofMinutes(5));
        assertFalse(fixture.store.get("revoked-jti:" + verified.jwtId()).isPresent());
    }

    @Test
    void revokeWhenRefreshTokenThenItsWholeFamilyIsRevoked() {
        IssuedRefreshToken first = refreshToken(TestClients.webApp());
        String successor = fixture.refreshTokens.rotate(fixture.refreshTokens.find(first.value()).orElseThrow(),
                fixture.clock.instant()).orElseThrow();
        IssuedRefreshToken unrelated = refreshToken(TestClients.webApp());
        fixture.revocation.revoke(form("token", successor, "token_type_hint", "refresh_token"), WEB_APP);
        assertEquals(Set.of(RefreshToken.State.REVOKED), familyStates(first));
        assertEquals(Set.of(RefreshToken.State.USABLE), familyStates(unrelated));
        assertOAuthError("invalid_grant", () -> fixture.endpoint.exchange(form("grant_type", "refresh_token",
                "refresh_token", successor), WEB_APP, "198.51.100.7", "test"));
    }

    @Test
    void revokeWhenRotatedRefreshTokenThenTheFamilyIsRevokedToo() {
        IssuedRefreshToken first = refreshToken(TestClients.webApp());
        fixture.refreshTokens.rotate(fixture.refreshTokens.find(first.value()).orElseThrow(), fixture.clock.instant());
        fixture.revocation.revoke(form("token", first.value()), WEB_APP);
        assertEquals(Set.of(RefreshToken.State.REVOKED), familyStates(first));
    }

    @Test
    void revokeWhenPublicClientsOwnRefreshTokenThenRevokedWithClientIdAlone() {
        IssuedRefreshToken token = refreshToken(TestClients.spa());
        fixture.revocation.revoke(form("token", token.value(), "client_id", "spa"), null);
        assertEquals(Set.of(RefreshToken.State.REVOKED), familyStates(token));
    }

    @Test
    void revokeWhenRefreshTokenOfAnotherClientThenUnauthorizedClientAndNothingRevoked() {
        IssuedRefreshToken token = refreshToken(TestClients.webApp());
        OAuthException refused = assertOAuthError("unauthorized_client",
                () -> fixture.revocation.revoke(form("token", token.value()), SERVICE));
        assertEquals(400, refused.status());
        assertEquals(Set.of(RefreshToken.State.USABLE), familyStates(token));
    }

    @Test
    void revokeWhenAccessTokenOfAnotherClientThenUnauthorizedClientAndStillValid() {
        String token = accessToken(TestClients.webApp());
        assertOAuthError("unauthorized_client", () -> fixture.revocation.revoke(form("token", token), SERVICE));
        assertEquals("web-app", fixture.verifier.verify(token).clientId());
    }

    @Test
    void revokeWhenAnotherClientsTokenIsNoLongerValidThenSuccessWithoutDisclosure() {
        IssuedRefreshToken token = refreshToken(TestClients.webApp());
        fixture.refreshTokens.revokeFamily(token.familyId(), fixture.clock.instant());
        fixture.revocation.revoke(form("token", token.value()), SERVICE);
        String access = accessToken(TestClients.webApp());
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.revocation.revoke(form("token", access), SERVICE);
    }

    @Test
    void revokeWhenUnknownMalformedExpiredOrAlreadyRevokedThenSuccessAndNothingChanges() {
        String access = accessToken(TestClients.webApp());
        fixture.revocation.revoke(form("token", access), WEB_APP);
        fixture.revocation.revoke(form("token", access), WEB_APP);
        for (String garbage : List.of("unknown-refresh-token", "a.b.c", access.substring(0, access.length() - 4) + "AAAA")) {
            fixture.revocation.revoke(form("token", garbage), WEB_APP);
        }
        IssuedRefreshToken expired = refreshToken(TestClients.webApp());
        fixture.clock.advance(fixture.settings.refreshTokenTtl());
        fixture.revocation.revoke(form("token", expired.value()), WEB_APP);
        assertEquals(Set.of(RefreshToken.State.EXPIRED), familyStates(expired));
    }

    @Test
    void revokeWhenExpiredAccessTokenThenNothingStored() {
        String access = accessToken(TestClients.webApp());
        String jwtId = fixture.verifier.verify(access).jwtId();
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.revocation.revoke(form("token", access), WEB_APP);
        assertFalse(fixture.store.get("revoked-jti:" + jwtId).isPresent());
    }

    @Test
    void revokeWhenClientFailsAuthenticationThenInvalidClientAndNothingRevoked() {
        IssuedRefreshToken token = refreshToken(TestClients.webApp());
        OAuthException refused = assertOAuthError("invalid_client",
                () -> fixture.revocation.revoke(form("token", token.value()), basic("web-app", "wrong")));
        assertEquals(401, refused.status());
        assertOAuthError("invalid_client", () -> fixture.revocation.revoke(form("token", token.value(),
                "client_id", "web-app"), null));
        assertEquals(Set.of(RefreshToken.State.USABLE), familyStates(token));
    }

    @Test
    void revokeWhenTokenMissingRepeatedOrOversizedThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.revocation.revoke(form(), WEB_APP));
        assertOAuthError("invalid_request", () -> fixture.revocation.revoke(form("token", "a", "token", "b"), WEB_APP));
        assertOAuthError("invalid_request", () -> fixture.revocation.revoke(form("token", "a".repeat(8193)), WEB_APP));
    }
    private TokenResponse passwordGrant() {
        return fixture.endpoint.exchange(form("grant_type", "password", "client_id", "cli", "username", "alice",
                "password", OAuthFixture.PASSWORD, "scope", "openid"), null, "198.51.100.7", "test");
    }

    private TokenResponse refresh(String refreshToken) {
        return fixture.endpoint.exchange(form("grant_type", "refresh_token", "client_id", "cli",
                "refresh_token", refreshToken), null, "198.51.100.7", "test");
    }

    @Test
    void revokeWhenRefreshTokenThenTheAccessTokensOfItsGrantAreRefusedToo() {
        TokenResponse first = passwordGrant();
        TokenResponse rotated = refresh(first.refreshToken());
        TokenResponse otherGrant = passwordGrant();
        fixture.revocation.revoke(form("token", rotated.refreshToken(), "client_id", "cli"), null);
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(first.accessToken()));
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(rotated.accessToken()));
        assertEquals("cli", fixture.verifier.verify(otherGrant.accessToken()).clientId());
    }

    @Test
    void refreshTokenReuseRefusesTheAccessTokensOfTheFamily() {
        TokenResponse first = passwordGrant();
        TokenResponse rotated = refresh(first.refreshToken());
        assertOAuthError("invalid_grant", () -> refresh(first.refreshToken()));
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(rotated.accessToken()));
    }

    @Test
    void revokeWhenGrantRevokedThenTheDenyEntryLastsTheLongestAccessTokenLifetimeOfAnyClient() {
        TokenResponse tokens = passwordGrant();
        String grantId = fixture.verifier.verify(tokens.accessToken()).grantId();
        fixture.revocation.revoke(form("token", tokens.refreshToken(), "client_id", "cli"), null);
        assertTrue(fixture.store.get("revoked-grant:" + grantId).isPresent());
        fixture.clock.advance(fixture.settings.accessTokenTtl());
        assertTrue(fixture.store.get("revoked-grant:" + grantId).isPresent(), "a client's tokens may live longer");
        fixture.clock.advance(fixture.settings.longestAccessTokenLifetime().minus(fixture.settings.accessTokenTtl()));
        assertFalse(fixture.store.get("revoked-grant:" + grantId).isPresent());
    }

    @Test
    void revokeWhenTheClientsAccessTokensLiveADayThenTheyStayRefusedLongAfterTheServersLifetime() {
        fixture.clients.put("cli", TestClients.withLifetimes(TestClients.cli(), Duration.ofDays(1), null));
        TokenResponse tokens = passwordGrant();
        assertEquals(Duration.ofDays(1).toSeconds(), tokens.expiresIn());
        fixture.revocation.revoke(form("token", tokens.refreshToken(), "client_id", "cli"), null);
        fixture.clock.advance(Duration.ofHours(23));
        // a fresh node (nothing remembered) still finds the grant on the shared deny-list
        assertOAuthError("invalid_token", () -> new AccessTokenVerifier(fixture.keys,
                fixture.server, new RevokedAccessTokens(fixture.store, fixture.clock),
                fixture.clock).verify(tokens.accessToken()));
    }
}

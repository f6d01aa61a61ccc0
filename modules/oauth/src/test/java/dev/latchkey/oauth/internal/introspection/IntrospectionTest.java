package dev.latchkey.oauth.internal.introspection;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.client.ClientSecrets;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.AccessTokens;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.IssuedRefreshToken;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrospectionTest {

    private final OAuthFixture fixture = new OAuthFixture();

    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static final String WEB_APP = basic("web-app", TestClients.SECRET);
    private static final String SERVICE = basic("service", TestClients.SECRET);

    private String webAppUserToken() {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid profile"), fixture.clock.instant(), List.of("pwd"), "sid-1", null),
                fixture.clock.instant()).value();
    }

    private IssuedRefreshToken webAppRefreshToken() {
        return fixture.refreshTokens.issue(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid offline_access"), fixture.clock.instant(), List.of("pwd"), "sid-1", null),
                fixture.clock.instant());
    }

    private IntrospectionResponse introspect(String authorization, String token) {
        return fixture.introspection.introspect(form("token", token), authorization);
    }

    @Test
    void introspectWhenAccessTokenIssuedToTheCallerThenActiveWithItsMetadata() {
        String token = webAppUserToken();
        IntrospectionResponse response = introspect(WEB_APP, token);
        VerifiedAccessToken verified = fixture.verifier.verify(token);
        assertTrue(response.active());
        assertEquals("openid profile", response.scope());
        assertEquals("web-app", response.clientId());
        assertEquals("alice", response.username());
        assertEquals("Bearer", response.tokenType());
        assertEquals(fixture.clock.instant().plus(Duration.ofMinutes(5)).getEpochSecond(), response.exp());
        assertEquals(fixture.clock.instant().getEpochSecond(), response.iat());
        assertNull(response.nbf());
        assertEquals(TestUsers.alice().id().toString(), response.sub());
        assertEquals(List.of(fixture.server.issuer()), response.aud());
        assertEquals(fixture.server.issuer(), response.iss());
        assertEquals(verified.jwtId(), response.jti());
    }

    @Test
    void introspectWhenAccessTokenNamesTheCallerAsAudienceThenActive() {
        fixture.clients.put("orders-api", new RegisteredClient("orders-api", "Orders API", ClientType.CONFIDENTIAL,
                ClientSecrets.hash(TestClients.SECRET), List.of(), Set.of("client_credentials"), Set.of(), false));
        OAuthSettings toOrders = new OAuthSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(1),
                Duration.ofMinutes(1), Optional.of("orders-api"), true);
        String token = new AccessTokens(fixture.keys, fixture.server, toOrders).mint(new TokenGrant(
                TestClients.webApp(), TestUsers.alice(), Scope.parse("orders:read"), null, List.of(), null, null),
                fixture.clock.instant()).value();
        IntrospectionResponse response = introspect(basic("orders-api", TestClients.SECRET), token);
        assertTrue(response.active());
        assertEquals("web-app", response.clientId());
        assertEquals(List.of("orders-api"), response.aud());
    }

    @Test
    void introspectWhenAccessTokenOfAnotherClientAndAudienceThenInactive() {
        assertEquals(IntrospectionResponse.INACTIVE, introspect(SERVICE, webAppUserToken()));
    }

    @Test
    void introspectWhenClientCredentialsTokenThenActiveWithoutUsername() {
        String token = fixture.accessTokens.mint(TokenGrant.forClient(TestClients.service(), Scope.parse("orders:read")),
                fixture.clock.instant()).value();
        IntrospectionResponse response = introspect(SERVICE, token);
        assertTrue(response.active());
        assertEquals("service", response.sub());
        assertEquals("orders:read", response.scope());
        assertNull(response.username());
    }

    @Test
    void introspectWhenAccessTokenExpiredThenInactive() {
        String token = webAppUserToken();
        fixture.clock.advance(Duration.ofMinutes(5));
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, token));
    }

    @Test
    void introspectWhenAccessTokenRevokedThenInactive() {
        String token = webAppUserToken();
        assertTrue(introspect(WEB_APP, token).active());
        fixture.revocation.revoke(form("token", token), WEB_APP);
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, token));
    }

    @Test
    void introspectWhenMalformedForgedOrUnknownThenInactive() {
        String token = webAppUserToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        for (String garbage : List.of(forged, "a.b.c", "not-a-token-at-all", "x".repeat(43))) {
            assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, garbage), garbage);
        }
    }

    @Test
    void introspectWhenIdTokenThenInactive() {
        String idToken = fixture.idTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid"), null, List.of(), null, null), "at", fixture.clock.instant());
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, idToken));
    }

    @Test
    void introspectWhenRefreshTokenUsableThenActiveWithTheUsersName() {
        IntrospectionResponse response = introspect(WEB_APP, webAppRefreshToken().value());
        assertTrue(response.active());
        assertEquals("openid offline_access", response.scope());
        assertEquals("web-app", response.clientId());
        assertEquals("alice", response.username());
        assertEquals("refresh_token", response.tokenType());
        assertEquals(fixture.clock.instant().plus(fixture.settings.refreshTokenTtl()).getEpochSecond(), response.exp());
        assertEquals(fixture.clock.instant().getEpochSecond(), response.iat());
        assertEquals(TestUsers.alice().id().toString(), response.sub());
        assertNull(response.jti());
        assertNull(response.aud());
    }

    @Test
    void introspectWhenTheClientHasItsOwnLifetimesThenExpIsTheirs() {
        RegisteredClient shortLived = TestClients.withLifetimes(TestClients.webApp(), Duration.ofSeconds(60),
                Duration.ofHours(2));
        Instant now = fixture.clock.instant();
        String access = fixture.accessTokens.mint(new TokenGrant(shortLived, TestUsers.alice(), Scope.parse("openid"),
                now, List.of("pwd"), null, null), now).value();
        assertEquals(now.plusSeconds(60).getEpochSecond(), introspect(WEB_APP, access).exp());
        IssuedRefreshToken refresh = fixture.refreshTokens.issue(new TokenGrant(shortLived, TestUsers.alice(),
                Scope.parse("openid offline_access"), now, List.of("pwd"), null, null), now);
        assertEquals(now.plus(Duration.ofHours(2)).getEpochSecond(), introspect(WEB_APP, refresh.value()).exp());
    }

    @Test
    void introspectWhenRefreshTokenRotatedRevokedOrExpiredThenInactive() {
        IssuedRefreshToken rotated = webAppRefreshToken();
        String successor = fixture.refreshTokens.rotate(fixture.refreshTokens.find(rotated.value()).orElseThrow(),
                fixture.clock.instant()).orElseThrow();
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, rotated.value()));
        assertTrue(introspect(WEB_APP, successor).active());

        fixture.refreshTokens.revokeFamily(rotated.familyId(), fixture.clock.instant());
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, successor));

        IssuedRefreshToken expiring = webAppRefreshToken();
        fixture.clock.advance(fixture.settings.refreshTokenTtl());
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, expiring.value()));
    }

    @Test
    void introspectWhenRefreshTokenOfAnotherClientThenInactive() {
        assertEquals(IntrospectionResponse.INACTIVE, introspect(SERVICE, webAppRefreshToken().value()));
    }

    @Test
    void introspectWhenRefreshTokensUserDisabledOrGoneThenInactive() {
        IssuedRefreshToken token = webAppRefreshToken();
        fixture.users.with(TestUsers.disabled(TestUsers.alice()));
        assertEquals(IntrospectionResponse.INACTIVE, introspect(WEB_APP, token.value()));
    }

    @Test
    void introspectWhenHintIsWrongOrUnknownThenTheTokenIsStillFound() {
        String access = webAppUserToken();
        String refresh = webAppRefreshToken().value();
        assertTrue(fixture.introspection.introspect(form("token", access, "token_type_hint", "refresh_token"),
                WEB_APP).active());
        assertTrue(fixture.introspection.introspect(form("token", refresh, "token_type_hint", "access_token"),
                WEB_APP).active());
        assertTrue(fixture.introspection.introspect(form("token", refresh, "token_type_hint", "id_token"),
                WEB_APP).active());
    }

    @Test
    void introspectWithClientSecretPostThenAnswered() {
        assertTrue(fixture.introspection.introspect(form("token", webAppUserToken(), "client_id", "web-app",
                "client_secret", TestClients.SECRET), null).active());
    }

    @Test
    void introspectWhenPublicClientWithoutSecretThenInvalidClient() {
        OAuthException refused = assertOAuthError("invalid_client", () -> fixture.introspection.introspect(
                form("token", webAppUserToken(), "client_id", "spa"), null));
        assertEquals(401, refused.status());
    }

    @Test
    void introspectWhenWrongSecretOrNoClientThenInvalidClient() {
        OAuthException wrong = assertOAuthError("invalid_client", () -> introspect(basic("web-app", "wrong"),
                webAppUserToken()));
        assertEquals(401, wrong.status());
        assertTrue(wrong.challenge().startsWith("Basic"));
        assertOAuthError("invalid_client", () -> introspect(null, webAppUserToken()));
    }

    @Test
    void introspectWhenTokenMissingRepeatedOrOversizedThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.introspection.introspect(form(), WEB_APP));
        assertOAuthError("invalid_request", () -> fixture.introspection.introspect(form("token", "a", "token", "b"),
                WEB_APP));
        assertOAuthError("invalid_request", () -> introspect(WEB_APP, "a".repeat(8193)));
        assertOAuthError("invalid_request", () -> fixture.introspection.introspect(form("token", "a",
                "token_type_hint", "access_token", "token_type_hint", "refresh_token"), WEB_APP));
    }
}

package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static final Instant AUTH_TIME = Instant.parse("2026-11-23T09:55:00Z");

    private final OAuthFixture fixture = new OAuthFixture();

    private TokenGrant userGrant() {
        return new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse("openid orders:read"), AUTH_TIME,
                List.of("pwd"), "sid-1", "nonce");
    }

    @Test
    void mintWhenUserThenRfc9068TokenVerifiableWithJwks() throws Exception {
        Instant now = fixture.clock.instant();
        MintedToken token = fixture.accessTokens.mint(userGrant(), now);
        SignedJWT jwt = fixture.verifiedByJwks(token.value());
        assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType());
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(TestServerSettings.ISSUER, claims.getIssuer());
        assertEquals(List.of(TestServerSettings.ISSUER), claims.getAudience());
        assertEquals(TestUsers.alice().id().toString(), claims.getSubject());
        assertEquals("web-app", claims.getStringClaim("client_id"));
        assertEquals("openid orders:read", claims.getStringClaim("scope"));
        assertEquals(now.getEpochSecond(), claims.getIssueTime().toInstant().getEpochSecond());
        assertEquals(now.plus(Duration.ofMinutes(5)), claims.getExpirationTime().toInstant());
        assertEquals(now.plus(Duration.ofMinutes(5)), token.expiresAt());
        assertNotNull(claims.getJWTID());
        assertEquals(AUTH_TIME.getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals(List.of("admin", "user"), claims.getStringListClaim("groups"));
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals("alice", claims.getStringClaim("preferred_username"));
        assertNull(claims.getClaim("email"), "profile claims stay out of access tokens");
    }

    @Test
    void mintWhenTheClientHasItsOwnLifetimeThenItGovernsExp() throws Exception {
        Instant now = fixture.clock.instant();
        MintedToken minted = fixture.accessTokens.mint(TokenGrant.forClient(
                TestClients.withLifetimes(TestClients.service(), Duration.ofSeconds(60), null), Scope.EMPTY), now);
        assertEquals(now.plusSeconds(60), minted.expiresAt());
        assertEquals(now.plusSeconds(60), SignedJWT.parse(minted.value()).getJWTClaimsSet().getExpirationTime().toInstant());
        MintedToken serverDefault = fixture.accessTokens.mint(TokenGrant.forClient(TestClients.service(), Scope.EMPTY), now);
        assertEquals(now.plus(fixture.settings.accessTokenTtl()), serverDefault.expiresAt());
    }

    @Test
    void mintTwiceThenDistinctJti() throws Exception {
        String one = fixture.accessTokens.mint(userGrant(), fixture.clock.instant()).value();
        String two = fixture.accessTokens.mint(userGrant(), fixture.clock.instant()).value();
        assertNotEquals(SignedJWT.parse(one).getJWTClaimsSet().getJWTID(), SignedJWT.parse(two).getJWTClaimsSet().getJWTID());
    }

    @Test
    void mintWithARefreshTokenFamilyThenGrantIdNamesIt() throws Exception {
        java.util.UUID family = java.util.UUID.randomUUID();
        String token = fixture.accessTokens.mint(userGrant(), family, fixture.clock.instant()).value();
        assertEquals(family.toString(), SignedJWT.parse(token).getJWTClaimsSet().getStringClaim(AccessTokens.GRANT_ID));
        assertEquals(family.toString(), fixture.verifier.verify(token).grantId());
        String alone = fixture.accessTokens.mint(userGrant(), fixture.clock.instant()).value();
        assertNull(SignedJWT.parse(alone).getJWTClaimsSet().getClaim(AccessTokens.GRANT_ID));
    }

    @Test
    void mintWhenClientOnlyThenSubIsClientIdAndNoUserClaims() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(fixture.accessTokens.mint(TokenGrant.forClient(TestClients.service(),
                Scope.EMPTY), fixture.clock.instant()).value()).getJWTClaimsSet();
        assertEquals("service", claims.getSubject());
        assertNull(claims.getClaim("scope"));
        assertNull(claims.getClaim("upn"));
        assertNull(claims.getClaim("auth_time"));
        assertEquals(List.of(), claims.getStringListClaim("groups"));
    }

    @Test
    void mintWhenUserWithoutAuthTimeThenNoAuthTime() throws Exception {
        TokenGrant grant = new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.EMPTY, null, null, null, null);
        assertNull(SignedJWT.parse(fixture.accessTokens.mint(grant, fixture.clock.instant()).value())
                .getJWTClaimsSet().getClaim("auth_time"));
    }

    @Test
    void mintWhenAudienceConfiguredThenThatAudience() throws Exception {
        OAuthSettings settings = new OAuthSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofDays(1),
                Duration.ofMinutes(1), Optional.of(" https://api.example.test "), true);
        AccessTokens tokens = new AccessTokens(fixture.keys, fixture.server, settings);
        MintedToken token = tokens.mint(userGrant(), fixture.clock.instant());
        assertEquals(List.of("https://api.example.test"), SignedJWT.parse(token.value()).getJWTClaimsSet().getAudience());
        assertEquals(fixture.clock.instant().plus(Duration.ofMinutes(1)), token.expiresAt());
    }

    @Test
    void settingsWhenTtlBelowOneSecondThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OAuthSettings(Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofDays(1), Duration.ofMinutes(1), Optional.empty(), true));
        assertTrue(new OAuthSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(-5), Optional.of("  "), false).accessTokenAudience().isEmpty());
    }
}

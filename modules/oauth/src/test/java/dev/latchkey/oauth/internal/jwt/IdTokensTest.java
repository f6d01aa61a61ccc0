package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdTokensTest {

    private static final Instant AUTH_TIME = Instant.parse("2026-11-23T09:55:00Z");

    private final OAuthFixture fixture = new OAuthFixture();

    @Test
    void mintThenOidcClaimsRs256VerifiableWithJwksAndNoProfileClaims() throws Exception {
        TokenGrant grant = new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse("openid profile email"),
                AUTH_TIME, List.of("pwd", "otp"), "sid-9", "n-1");
        Instant now = fixture.clock.instant();
        SignedJWT jwt = fixture.verifiedByJwks(fixture.idTokens.mint(grant, "the-access-token", now));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(TestServerSettings.ISSUER, claims.getIssuer());
        assertEquals(TestUsers.alice().id().toString(), claims.getSubject());
        assertEquals(List.of("web-app"), claims.getAudience());
        assertEquals("web-app", claims.getStringClaim("azp"));
        assertEquals(now.plus(Duration.ofMinutes(5)), claims.getExpirationTime().toInstant());
        assertEquals(now, claims.getIssueTime().toInstant());
        assertEquals(AUTH_TIME.getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals("n-1", claims.getStringClaim("nonce"));
        assertEquals(AtHash.of("the-access-token"), claims.getStringClaim("at_hash"));
        assertEquals("sid-9", claims.getStringClaim("sid"));
        assertEquals(List.of("pwd", "otp"), claims.getStringListClaim("amr"));
        assertNull(claims.getClaim("email"));
        assertNull(claims.getClaim("name"));
    }

    @Test
    void mintWhenNoNonceSessionOrAmrThenThoseClaimsAbsent() throws Exception {
        TokenGrant grant = new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse("openid"), null,
                List.of(), null, null);
        JWTClaimsSet claims = SignedJWT.parse(fixture.idTokens.mint(grant, "at", fixture.clock.instant()))
                .getJWTClaimsSet();
        assertNull(claims.getClaim("nonce"));
        assertNull(claims.getClaim("sid"));
        assertNull(claims.getClaim("amr"));
        assertNull(claims.getClaim("auth_time"));
    }

    @Test
    void mintWhenNoUserThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> fixture.idTokens.mint(
                TokenGrant.forClient(TestClients.service(), Scope.EMPTY), "at", fixture.clock.instant()));
    }
}

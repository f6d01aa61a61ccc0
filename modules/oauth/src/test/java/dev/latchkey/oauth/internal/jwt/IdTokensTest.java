package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertEquals(AtHash.of("the-access-token", JWSAlgorithm.RS256), claims.getStringClaim("at_hash"));
        assertEquals("sid-9", claims.getStringClaim("sid"));
        assertEquals(List.of("pwd", "otp"), claims.getStringListClaim("amr"));
        assertEquals("urn:latchkey:acr:pwd", claims.getStringClaim("acr"));
        assertNull(claims.getClaim("email"));
        assertNull(claims.getClaim("name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256", "EdDSA"})
    void mintWhenClientRegisteredAnAlgorithmThenSignedWithItsOwnKeyAndAtHashOfThatAlgorithm(String alg)
            throws Exception {
        TokenGrant grant = new TokenGrant(TestClients.withIdTokenAlgorithm(TestClients.webApp(), alg), TestUsers.alice(),
                Scope.parse("openid"), AUTH_TIME, List.of("pwd"), null, null);
        SignedJWT jwt = fixture.verifiedByJwks(fixture.idTokens.mint(grant, "the-access-token", fixture.clock.instant()));
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        assertEquals(algorithm, jwt.getHeader().getAlgorithm());
        assertEquals(fixture.keys.active(algorithm).kid(), jwt.getHeader().getKeyID());
        assertEquals(AtHash.of("the-access-token", algorithm), jwt.getJWTClaimsSet().getStringClaim("at_hash"));
        assertTrue(fixture.keys.verifier(jwt.getHeader().getKeyID()).map(verifier -> verifies(jwt, verifier))
                .orElse(false), "Latchkey's own verifier accepts its " + alg + " ID tokens");
    }

    @Test
    void mintWhenNoAlgorithmRegisteredThenRs256() throws Exception {
        TokenGrant grant = new TokenGrant(TestClients.service(), TestUsers.alice(), Scope.parse("openid"), null,
                List.of(), null, null);
        assertEquals(JWSAlgorithm.RS256, SignedJWT.parse(fixture.idTokens.mint(grant, "at", fixture.clock.instant()))
                .getHeader().getAlgorithm());
    }

    private static boolean verifies(SignedJWT jwt, com.nimbusds.jose.JWSVerifier verifier) {
        try {
            return jwt.verify(verifier);
        } catch (com.nimbusds.jose.JOSEException e) {
            return false;
        }
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
        assertNull(claims.getClaim("acr"));
    }

    @Test
    void mintWhenClaimsParameterAskedForIdTokenClaimsThenTheUsersValuesAreIn() throws Exception {
        ClaimsRequest asked = ClaimsRequest.parse("{\"id_token\":{\"email\":null,\"address\":{\"essential\":true},"
                + "\"nickname\":null,\"middle_name\":null,\"custom\":null,\"acr\":{\"values\":[\"urn:other\"]}},"
                + "\"userinfo\":{\"birthdate\":null}}");
        TokenGrant grant = new TokenGrant(TestClients.webApp(), TestUsers.aliceWithDetails(), Scope.parse("openid"),
                AUTH_TIME, List.of("pwd"), null, null, asked);

        JWTClaimsSet claims = fixture.verifiedByJwks(fixture.idTokens.mint(grant, "at", fixture.clock.instant()))
                .getJWTClaimsSet();

        assertEquals("alice@example.test", claims.getStringClaim("email"));
        assertEquals("Ali", claims.getStringClaim("nickname"));
        assertEquals("Pleasance", claims.getStringClaim("middle_name"));
        assertEquals("Oxford", claims.getJSONObjectClaim("address").get("locality"));
        assertEquals("urn:latchkey:acr:pwd", claims.getStringClaim("acr"));
        assertNull(claims.getClaim("custom"));
        assertNull(claims.getClaim("birthdate"));
    }

    @Test
    void mintWhenNoUserThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> fixture.idTokens.mint(
                TokenGrant.forClient(TestClients.service(), Scope.EMPTY), "at", fixture.clock.instant()));
    }
}

package dev.latchkey.oauth.internal.jwt;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokenVerifierTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private String userToken() {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid profile"), fixture.clock.instant(), List.of("pwd"), null, null),
                fixture.clock.instant()).value();
    }

    @Test
    void verifyWhenOurLiveTokenThenClaims() {
        VerifiedAccessToken verified = fixture.verifier.verify(userToken());
        assertEquals(TestUsers.alice().id().toString(), verified.subject());
        assertEquals("web-app", verified.clientId());
        assertTrue(verified.scope().contains("profile"));
    }

    @Test
    void verifyWhenSeenBeforeThenServedFromCache() {
        String token = userToken();
        VerifiedAccessToken first = fixture.verifier.verify(token);
        assertSame(first, fixture.verifier.verify(token));
    }

    @Test
    void verifyWhenCachedTokenExpiredThenInvalidTokenAndDropped() {
        String token = userToken();
        fixture.verifier.verify(token);
        fixture.clock.advance(Duration.ofMinutes(5));
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
    }

    @Test
    void verifyWhenExpiredThenInvalidTokenWithBearerChallenge() {
        String token = userToken();
        fixture.clock.advance(Duration.ofMinutes(6));
        OAuthException refused = assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
        assertEquals(401, refused.status());
        assertTrue(refused.challenge().startsWith("Bearer realm=\"latchkey\", error=\"invalid_token\""));
    }

    @Test
    void verifyWhenIdTokenThenInvalidTokenBecauseOfTyp() {
        String idToken = fixture.idTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid"), null, List.of(), null, null), "at", fixture.clock.instant());
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(idToken));
    }

    @Test
    void verifyWhenSignatureTamperedThenInvalidToken() {
        String token = userToken();
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(forged));
    }

    @Test
    void verifyWhenNotAJwtThenInvalidToken() {
        assertOAuthError("invalid_token", () -> fixture.verifier.verify("opaque-value"));
    }

    @Test
    void verifyWhenUnknownKidOrWrongAlgThenInvalidToken() throws Exception {
        SigningKeys.ActiveKey rsa = fixture.keys.active(JWSAlgorithm.RS256);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject("x")
                .expirationTime(Date.from(fixture.clock.instant().plusSeconds(60))).build();
        SignedJWT rs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AccessTokens.TYPE)
                .keyID(rsa.kid()).build(), claims);
        rs256.sign(rsa.signer());
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(rs256.serialize()));
        SignedJWT noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(AccessTokens.TYPE).build(), claims);
        noKid.sign(rsa.signer());
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(noKid.serialize()));
    }

    @Test
    void verifyWhenOtherIssuerThenInvalidToken() {
        ServerSettings other = new ServerSettings() {
            @Override
            public URI publicUrl() {
                return URI.create("https://other.example.test");
            }

            @Override
            public Path dataDirectory() {
                return Path.of("target");
            }
        };
        String token = new AccessTokens(fixture.keys, other, fixture.settings).mint(
                TokenGrant.forClient(TestClients.service(), Scope.EMPTY), fixture.clock.instant()).value();
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
    }

    @Test
    void verifyWhenNoSubjectOrNoExpiryOrBadScopeThenInvalidToken() throws Exception {
        SigningKeys.ActiveKey ec = fixture.keys.active(JWSAlgorithm.ES256);
        Date exp = Date.from(fixture.clock.instant().plusSeconds(60));
        for (JWTClaimsSet claims : List.of(
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).expirationTime(exp).build(),
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject("x").build(),
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject("x").expirationTime(exp)
                        .claim("scope", List.of("not", "a", "string")).build())) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(AccessTokens.TYPE)
                    .keyID(ec.kid()).build(), claims);
            jwt.sign(ec.signer());
            assertOAuthError("invalid_token", () -> fixture.verifier.verify(jwt.serialize()));
        }
    }

    @Test
    void verifyWhenCacheFullThenExpiredSweptOrAllDropped() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(fixture.keys, fixture.server,
                fixture.revokedAccessTokens, fixture.clock);
        String token = userToken();
        verifier.verify(token);
        for (int i = 0; i < AccessTokenVerifier.MAX_ENTRIES; i++) {
            verifier.verify(fixture.accessTokens.mint(TokenGrant.forClient(TestClients.service(), Scope.EMPTY),
                    fixture.clock.instant()).value());
        }
        assertTrue(verifier.cached() <= AccessTokenVerifier.MAX_ENTRIES);
        assertEquals(TestUsers.alice().id().toString(), verifier.verify(token).subject());
    }
    @Test
    void verifyWhenRevokedThenInvalidToken() {
        String token = userToken();
        VerifiedAccessToken verified = fixture.verifier.verify(token);
        fixture.revokedAccessTokens.revoke(verified.jwtId(), verified.expiresAt());
        OAuthException refused = assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
        assertEquals("The access token was revoked", refused.description());
    }

    @Test
    void verifyWhenRevokedOnAnotherNodeThenRefusedAfterTheRecheckInterval() {
        String token = userToken();
        VerifiedAccessToken verified = fixture.verifier.verify(token);
        new RevokedAccessTokens(fixture.store, fixture.clock).revoke(verified.jwtId(), verified.expiresAt());
        fixture.clock.advance(RevokedAccessTokens.RECHECK);
        assertOAuthError("invalid_token", () -> fixture.verifier.verify(token));
    }

    @Test
    void verifyWhenForgedThenTheDenyListIsNotAsked() {
        AccessTokenVerifier verifier = new AccessTokenVerifier(fixture.keys, fixture.server,
                new RevokedAccessTokens(fixture.store, fixture.clock) {
                    @Override
                    public boolean isRevoked(String jwtId, java.time.Instant expiresAt) {
                        throw new AssertionError("the deny-list was asked about a forged token");
                    }
                }, fixture.clock);
        String[] parts = userToken().split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A") + parts[2].substring(1);
        assertOAuthError("invalid_token", () -> verifier.verify(forged));
    }

    @Test
    void verifyReportsWhatIntrospectionNeeds() {
        VerifiedAccessToken verified = fixture.verifier.verify(userToken());
        assertEquals("alice", verified.username());
        assertEquals(fixture.clock.instant(), verified.issuedAt());
        assertEquals(List.of(fixture.server.issuer()), verified.audience());
        assertEquals(fixture.server.issuer(), verified.issuer());
        assertTrue(verified.jwtId() != null && !verified.jwtId().isBlank());
        assertTrue(verified.isFor("web-app"));
        assertTrue(verified.isFor(fixture.server.issuer()));
        assertFalse(verified.isFor("service"));
    }

    @Test
    void verifyWhenNoJtiOrNotYetValidThenInvalidToken() throws Exception {
        SigningKeys.ActiveKey ec = fixture.keys.active(JWSAlgorithm.ES256);
        Date exp = Date.from(fixture.clock.instant().plusSeconds(60));
        for (JWTClaimsSet claims : List.of(
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject("x").expirationTime(exp).build(),
                new JWTClaimsSet.Builder().issuer(fixture.server.issuer()).subject("x").expirationTime(exp)
                        .jwtID("j").notBeforeTime(Date.from(fixture.clock.instant().plusSeconds(30))).build())) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(AccessTokens.TYPE)
                    .keyID(ec.kid()).build(), claims);
            jwt.sign(ec.signer());
            assertOAuthError("invalid_token", () -> fixture.verifier.verify(jwt.serialize()));
        }
    }
}

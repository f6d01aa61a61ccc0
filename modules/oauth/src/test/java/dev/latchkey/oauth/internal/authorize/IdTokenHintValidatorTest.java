package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static dev.latchkey.oauth.internal.fixtures.TestClients.spa;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdTokenHintValidatorTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final IdTokenHintValidator validator = new IdTokenHintValidator(fixture.keys, fixture.server);

    private String idToken(RegisteredClient client, Instant issuedAt) {
        return fixture.idTokens.mint(new TokenGrant(client, fixture.alice(), Scope.parse("openid"), issuedAt,
                List.of("pwd"), "sid-1", null), "access-token", issuedAt);
    }

    private void validate(RegisteredClient client, String hint) {
        validator.validate(context(client, "id_token_hint", hint));
    }

    @Test
    void validateWhenOwnIdTokenForThisClientThenAcceptedAndSubjectRead() {
        String hint = idToken(webApp(), fixture.clock.instant());

        assertDoesNotThrow(() -> validate(webApp(), hint));
        assertEquals(Optional.of(fixture.alice().id().toString()),
                IdTokenHintValidator.subject(parameters("id_token_hint", hint)));
        assertEquals(Optional.empty(), IdTokenHintValidator.subject(parameters()));
    }

    @Test
    void validateWhenHintExpiredThenStillAccepted() {
        // OIDC Core §3.1.2.1: an expired ID token is a valid hint
        String hint = idToken(webApp(), fixture.clock.instant().minus(Duration.ofDays(1)));

        assertDoesNotThrow(() -> validate(webApp(), hint));
    }

    @Test
    void validateWhenIssuedToAnotherClientThenInvalidRequest() {
        assertEquals("id_token_hint was issued to another client", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validate(webApp(), idToken(spa(), fixture.clock.instant()))).description());
    }

    @Test
    void validateWhenMalformedThenInvalidRequest() {
        for (String malformed : List.of("not-a-jwt", "a.b.c", "eyJhbGciOiJub25lIn0.e30.")) {
            assertEquals("id_token_hint is not a signed JWT", assertRefused(AuthorizationError.INVALID_REQUEST,
                    () -> validate(webApp(), malformed)).description(), malformed);
        }
    }

    @Test
    void validateWhenPayloadTamperedThenInvalidRequest() {
        String[] parts = idToken(webApp(), fixture.clock.instant()).split("\\.");
        String otherUser = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + TestServerSettings.ISSUER + "\",\"sub\":\"mallory\",\"aud\":\"web-app\"}").getBytes());
        String forged = parts[0] + "." + otherUser + "." + parts[2];

        assertEquals("id_token_hint is not signed by this server", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validate(webApp(), forged)).description());
    }

    @Test
    void validateWhenSignedByAnotherKeyWithOurKidThenInvalidRequest() throws Exception {
        String ourKid = fixture.keys.active(JWSAlgorithm.RS256).kid();
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(ourKid).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ourKid)
                .type(JOSEObjectType.JWT).build(), new JWTClaimsSet.Builder().issuer(TestServerSettings.ISSUER)
                .subject("mallory").audience("web-app").expirationTime(new Date()).build());
        forged.sign(new RSASSASigner(attacker));

        assertRefused(AuthorizationError.INVALID_REQUEST, () -> validate(webApp(), forged.serialize()));
    }

    @Test
    void validateWhenAccessTokenThenInvalidRequest() {
        String accessToken = fixture.accessTokens.mint(new TokenGrant(webApp(), fixture.alice(), Scope.parse("openid"),
                fixture.clock.instant(), List.of("pwd"), null, null), fixture.clock.instant()).value();

        assertEquals("id_token_hint is not an ID token", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validate(webApp(), accessToken)).description());
    }

    @Test
    void validateWhenSignedByUsForAnotherIssuerOrWithoutSubjectThenInvalidRequest() {
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder().issuer("https://elsewhere.example").subject("alice")
                .audience("web-app").build();
        JWTClaimsSet noSubject = new JWTClaimsSet.Builder().issuer(TestServerSettings.ISSUER).audience("web-app")
                .build();
        for (JWTClaimsSet claims : List.of(otherIssuer, noSubject)) {
            String hint = fixture.keys.active(JWSAlgorithm.RS256).sign(JOSEObjectType.JWT, claims);
            assertEquals("id_token_hint is not an ID token of this server",
                    assertRefused(AuthorizationError.INVALID_REQUEST, () -> validate(webApp(), hint)).description());
        }
    }
}

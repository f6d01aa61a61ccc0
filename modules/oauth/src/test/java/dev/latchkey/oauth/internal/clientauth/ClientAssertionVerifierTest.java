package dev.latchkey.oauth.internal.clientauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.EphemeralStores;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.clientkeys.ClientKeys;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import dev.latchkey.oauth.internal.clientkeys.JwksFetcher;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import java.text.ParseException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ClientAssertionVerifierTest {

    private static final String ISSUER = TestServerSettings.ISSUER;

    private final TestClock clock = new TestClock();
    private final ClientAssertionVerifier verifier = new ClientAssertionVerifier(
            new ClientSignatures(new ClientKeys(new JwksFetcher(), clock)), TestClients.sealing(),
            EphemeralStores.inProcess(clock), new TestServerSettings(), clock);
    private final RegisteredClient client = TestClientKeys.privateKeyJwtClient("signer", TestClientKeys.RSA,
            TestClientKeys.EC, TestClientKeys.ED25519);

    /** Good claims of {@link #client} for the token endpoint, changed by {@code change}. */
    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().issuer("signer").subject("signer")
                .audience(ISSUER + "/token").jwtID(UUID.randomUUID().toString()).issueTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plusSeconds(60)))).build();
    }

    private boolean verify(RegisteredClient as, String assertion, ClientAuthMethod method, ClientAuthEndpoint endpoint) {
        try {
            return verifier.verify(as, SignedJWT.parse(assertion), method, endpoint);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private boolean verify(String assertion, ClientAuthMethod method, ClientAuthEndpoint endpoint) {
        return verify(client, assertion, method, endpoint);
    }

    private boolean signedBy(JWK key, JWSAlgorithm alg, JWTClaimsSet claims) {
        return verify(TestClientKeys.sign(key, alg, claims), ClientAuthMethod.PRIVATE_KEY_JWT, ClientAuthEndpoint.TOKEN);
    }

    private boolean good(UnaryOperator<JWTClaimsSet.Builder> change) {
        return signedBy(TestClientKeys.EC, JWSAlgorithm.ES256, claims(change));
    }

    @Test
    void verifyWhenSignedByEachSupportedAlgorithmThenAccepted() {
        assertTrue(signedBy(TestClientKeys.RSA, JWSAlgorithm.RS256, claims(c -> c)));
        assertTrue(signedBy(TestClientKeys.RSA, JWSAlgorithm.PS256, claims(c -> c)));
        assertTrue(signedBy(TestClientKeys.EC, JWSAlgorithm.ES256, claims(c -> c)));
        assertTrue(signedBy(TestClientKeys.ED25519, JWSAlgorithm.EdDSA, claims(c -> c)));
    }

    @Test
    void verifyWhenAlgorithmNotSupportedThenRefused() {
        assertFalse(signedBy(TestClientKeys.RSA, JWSAlgorithm.RS512, claims(c -> c)));
    }

    @Test
    void verifyWhenSignedByAnotherKeyWithTheRegisteredKidThenRefused() {
        assertFalse(signedBy(TestClientKeys.OTHER_RSA, JWSAlgorithm.RS256, claims(c -> c)));
    }

    @Test
    void verifyWhenClientSecretJwtThenMacWithTheSealedSecretAccepted() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("macer").subject("macer").audience(ISSUER)
                .jwtID("m-1").expirationTime(Date.from(clock.instant().plusSeconds(60))).build();
        assertTrue(verify(TestClientKeys.secretJwtClient("macer"), TestClientKeys.mac(TestClients.SECRET, claims),
                ClientAuthMethod.CLIENT_SECRET_JWT, ClientAuthEndpoint.TOKEN));
    }

    @Test
    void verifyWhenClientSecretJwtSignedWithAKeyThenRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("macer").subject("macer").audience(ISSUER)
                .jwtID("m-2").expirationTime(Date.from(clock.instant().plusSeconds(60))).build();
        assertFalse(verify(TestClientKeys.secretJwtClient("macer"), TestClientKeys.sign(TestClientKeys.EC,
                JWSAlgorithm.ES256, claims), ClientAuthMethod.CLIENT_SECRET_JWT, ClientAuthEndpoint.TOKEN));
    }

    @Test
    void verifyWhenAudienceIsIssuerOrTokenEndpointOrTheEndpointCalledThenAccepted() {
        assertTrue(good(c -> c.audience(ISSUER)));
        assertTrue(good(c -> c.audience(List.of("https://elsewhere.example", ISSUER + "/token"))));
        assertTrue(verify(TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256,
                claims(c -> c.audience(ISSUER + "/introspect"))), ClientAuthMethod.PRIVATE_KEY_JWT,
                ClientAuthEndpoint.INTROSPECTION));
    }

    @Test
    void verifyWhenAudienceNamesAnotherEndpointOrServerThenRefused() {
        assertFalse(good(c -> c.audience(ISSUER + "/introspect")));
        assertFalse(good(c -> c.audience("https://other.example.test/token")));
        assertFalse(good(c -> c.audience((String) null)));
    }

    @Test
    void verifyWhenIssuerOrSubjectNotTheClientThenRefused() {
        assertFalse(good(c -> c.issuer("someone-else")));
        assertFalse(good(c -> c.subject("someone-else")));
        assertFalse(good(c -> c.subject(null)));
    }

    @Test
    void verifyWhenExpMissingOrPastThenRefused() {
        assertFalse(good(c -> c.expirationTime(null)));
        assertFalse(good(c -> c.expirationTime(Date.from(clock.instant().minusSeconds(31)))));
    }

    @Test
    void verifyWhenExpJustPastWithinLeewayThenAccepted() {
        assertTrue(good(c -> c.expirationTime(Date.from(clock.instant().minusSeconds(10)))));
    }

    @Test
    void verifyWhenExpFurtherAheadThanFiveMinutesThenRefused() {
        assertTrue(good(c -> c.expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(5))))));
        assertFalse(good(c -> c.expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(6))))));
    }

    @Test
    void verifyWhenNotBeforeOrIssuedInTheFutureThenRefused() {
        assertFalse(good(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(120)))));
        assertFalse(good(c -> c.issueTime(Date.from(clock.instant().plusSeconds(120)))));
    }

    @Test
    void verifyWhenJtiMissingOrTooLongThenRefused() {
        assertFalse(good(c -> c.jwtID(null)));
        assertFalse(good(c -> c.jwtID("j".repeat(257))));
    }

    @Test
    void verifyWhenReplayedThenRefusedUntilItExpires() {
        String assertion = TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims(c -> c.jwtID("once")));
        assertTrue(verify(assertion, ClientAuthMethod.PRIVATE_KEY_JWT, ClientAuthEndpoint.TOKEN));
        assertFalse(verify(assertion, ClientAuthMethod.PRIVATE_KEY_JWT, ClientAuthEndpoint.TOKEN));
        // another assertion with the same jti is a replay too
        assertFalse(good(c -> c.jwtID("once")));
    }

    @Test
    void verifyWhenRefusedForItsClaimsThenItsJtiIsNotSpent() {
        assertFalse(good(c -> c.jwtID("kept").audience("https://other.example.test")));
        assertTrue(good(c -> c.jwtID("kept")));
    }

    @Test
    void algorithmsAreTheSecretAndKeyAlgorithms() {
        assertEquals(List.of("ES256", "EdDSA", "HS256", "PS256", "RS256"), ClientAssertionVerifier.algorithms());
    }
}

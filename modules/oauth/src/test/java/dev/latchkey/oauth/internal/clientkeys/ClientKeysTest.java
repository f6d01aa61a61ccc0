package dev.latchkey.oauth.internal.clientkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    private final KeyServer server = new KeyServer();
    private final TestClock clock = new TestClock();
    private final ClientKeys keys = new ClientKeys(new JwksFetcher(true), clock);
    private final RegisteredClient byUri = TestClientKeys.privateKeyJwtClientAt("by-uri", server.uri());

    @AfterEach
    void stop() {
        server.close();
    }

    private static JWSHeader header(JWSAlgorithm alg, String kid) {
        return new JWSHeader.Builder(alg).keyID(kid).build();
    }

    private List<String> kids(RegisteredClient client, JWSHeader header) {
        return keys.candidates(client, header).stream().map(JWK::getKeyID).toList();
    }

    @Test
    void candidatesWhenKeysByValueThenTheKeyOfTheKidAndAlgorithm() {
        RegisteredClient client = TestClientKeys.privateKeyJwtClient("by-value", TestClientKeys.RSA, TestClientKeys.EC);
        assertEquals(List.of("ec-1"), kids(client, header(JWSAlgorithm.ES256, "ec-1")));
        assertEquals(List.of("rsa-1"), kids(client, header(JWSAlgorithm.PS256, null)));
        assertEquals(List.of(), kids(client, header(JWSAlgorithm.ES256, "rsa-1")));
        assertEquals(0, server.requests());
    }

    @Test
    void candidatesWhenClientHasNoKeysThenNone() {
        RegisteredClient client = TestClientKeys.secretJwtClient("no-keys");
        assertEquals(List.of(), kids(client, header(JWSAlgorithm.ES256, "ec-1")));
    }

    @Test
    void candidatesWhenKeysByUriThenFetchedOnceAndKept() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        assertEquals(List.of("ec-1"), kids(byUri, header(JWSAlgorithm.ES256, "ec-1")));
        assertEquals(List.of("ec-1"), kids(byUri, header(JWSAlgorithm.ES256, "ec-1")));
        assertEquals(1, server.requests());
    }

    @Test
    void candidatesWhenUnknownKidThenTheUriIsFetchedAgain() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        kids(byUri, header(JWSAlgorithm.ES256, "ec-1"));
        clock.advance(Duration.ofSeconds(ClientKeys.REFRESH_SECONDS));
        // the client rotated: its new key is published
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC, TestClientKeys.RSA));
        assertEquals(List.of("rsa-1"), kids(byUri, header(JWSAlgorithm.RS256, "rsa-1")));
        assertEquals(2, server.requests());
    }

    @Test
    void candidatesWhenUnknownKidsComeQuicklyThenAtMostOneFetchPerInterval() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        kids(byUri, header(JWSAlgorithm.ES256, "ec-1"));
        assertEquals(List.of(), kids(byUri, header(JWSAlgorithm.ES256, "forged-1")));
        assertEquals(List.of(), kids(byUri, header(JWSAlgorithm.ES256, "forged-2")));
        assertEquals(1, server.requests());
        clock.advance(Duration.ofSeconds(ClientKeys.REFRESH_SECONDS));
        kids(byUri, header(JWSAlgorithm.ES256, "forged-3"));
        assertEquals(2, server.requests());
    }

    @Test
    void candidatesWhenCacheExpiredThenFetchedAgain() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        kids(byUri, header(JWSAlgorithm.ES256, "ec-1"));
        clock.advance(Duration.ofMinutes(ClientKeys.TTL_MINUTES));
        kids(byUri, header(JWSAlgorithm.ES256, "ec-1"));
        assertEquals(2, server.requests());
    }

    @Test
    void candidatesWhenFetchFailsThenNoneAndNoRetryWithinTheInterval() {
        server.answer(500);
        assertEquals(List.of(), kids(byUri, header(JWSAlgorithm.ES256, "ec-1")));
        assertEquals(List.of(), kids(byUri, header(JWSAlgorithm.ES256, "ec-1")));
        assertEquals(1, server.requests());
        server.answer(200);
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        clock.advance(Duration.ofSeconds(ClientKeys.REFRESH_SECONDS));
        assertEquals(List.of("ec-1"), kids(byUri, header(JWSAlgorithm.ES256, "ec-1")));
    }

    @Test
    void signaturesWhenKeyRotatedAtTheUriThenNewSignatureVerifies() throws ParseException {
        ClientSignatures signatures = new ClientSignatures(keys);
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("by-uri").build();
        assertTrue(signatures.verify(byUri, SignedJWT.parse(TestClientKeys.sign(TestClientKeys.EC,
                JWSAlgorithm.ES256, claims)), ClientSignatures.ASYMMETRIC));
        SignedJWT rotated = SignedJWT.parse(TestClientKeys.sign(TestClientKeys.ED25519, JWSAlgorithm.EdDSA, claims));
        assertFalse(signatures.verify(byUri, rotated, ClientSignatures.ASYMMETRIC));
        server.serve(TestClientKeys.publicJwks(TestClientKeys.ED25519));
        clock.advance(Duration.ofSeconds(ClientKeys.REFRESH_SECONDS));
        assertTrue(signatures.verify(byUri, rotated, ClientSignatures.ASYMMETRIC));
    }

    @Test
    void signaturesWhenAlgorithmNotAllowedByTheCallerThenRefused() throws ParseException {
        RegisteredClient client = TestClientKeys.privateKeyJwtClient("by-value", TestClientKeys.EC);
        SignedJWT jwt = SignedJWT.parse(TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256,
                new JWTClaimsSet.Builder().build()));
        assertTrue(new ClientSignatures(keys).verify(client, jwt, java.util.Set.of(JWSAlgorithm.ES256)));
        assertFalse(new ClientSignatures(keys).verify(client, jwt, java.util.Set.of(JWSAlgorithm.RS256)));
    }
}

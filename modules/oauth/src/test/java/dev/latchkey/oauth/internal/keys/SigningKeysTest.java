package dev.latchkey.oauth.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.InMemorySigningKeyStore;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.TestCipher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    /** One generated key set shared by the tests: RSA generation is slow. */
    private static final InMemorySigningKeyStore GENERATED = new InMemorySigningKeyStore();
    private static SigningKeys first;

    @BeforeAll
    static void generateOnce() {
        first = new SigningKeys(GENERATED, new TestCipher(), new TestClock());
        first.onStart(new ServerStarting());
    }

    @Test
    void loadWhenEmptyThenAnActiveAndANextKeyPerAlgorithmWithThumbprintKids() throws Exception {
        List<StoredSigningKey> stored = GENERATED.all();
        assertEquals(8, stored.size());
        assertEquals(List.of("ES256/active", "ES256/next", "EdDSA/active", "EdDSA/next", "PS256/active", "PS256/next",
                        "RS256/active", "RS256/next"),
                stored.stream().map(key -> key.alg() + "/" + key.status()).sorted().toList());
        for (StoredSigningKey key : stored) {
            JWK publicJwk = JWK.parse(key.publicJwk());
            assertFalse(publicJwk.isPrivate(), "the public column holds no private part");
            assertEquals(publicJwk.computeThumbprint().toString(), key.kid());
            assertEquals(key.alg(), publicJwk.getAlgorithm().getName(), "each key names its one algorithm");
            assertFalse(key.encryptedPrivateJwk().contains("\"d\""), "the private JWK is stored encrypted");
            assertEquals(TestClock.START, key.createdAt());
        }
        assertTrue(first.active(JWSAlgorithm.ES256).kid().length() >= 43);
        assertTrue(JWK.parse(stored.stream().filter(key -> key.alg().equals("ES256")).findFirst().orElseThrow()
                .publicJwk()) instanceof ECKey);
        assertEquals(2048, ((RSAKey) JWK.parse(stored.stream().filter(key -> key.alg().equals("RS256")).findFirst()
                .orElseThrow().publicJwk())).size());
        assertEquals(2048, ((RSAKey) JWK.parse(stored.stream().filter(key -> key.alg().equals("PS256")).findFirst()
                .orElseThrow().publicJwk())).size());
        assertEquals(Curve.Ed25519, ((OctetKeyPair) JWK.parse(stored.stream().filter(key -> key.alg().equals("EdDSA"))
                .findFirst().orElseThrow().publicJwk())).getCurve());
    }

    @Test
    void activeWhenEachAlgorithmThenItsSignatureVerifiesWithItsKeyOnly() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("s").build();
        for (JWSAlgorithm algorithm : SigningKeys.ALGORITHMS) {
            SignedJWT jwt = SignedJWT.parse(first.active(algorithm).sign(JOSEObjectType.JWT, claims));
            assertEquals(algorithm, jwt.getHeader().getAlgorithm());
            assertTrue(jwt.verify(first.verifier(jwt.getHeader().getKeyID()).orElseThrow()), algorithm.getName());
        }
        // the RS256 key can compute a PS256 signature, but its verifier takes RS256 only
        SigningKeys.ActiveKey rs256 = first.active(JWSAlgorithm.RS256);
        SignedJWT pss = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(rs256.kid()).build(), claims);
        pss.sign(rs256.signer());
        assertFalse(pss.verify(first.verifier(rs256.kid()).orElseThrow()));
    }

    @Test
    void retentionWhenClientsMayHaveLongerAccessTokensThenTheLongestAClientMayHave() {
        assertEquals(Duration.ofDays(1), SigningKeys.longestTokenLifetime(OAuthSettings.defaults()));
        OAuthSettings longIdTokens = new OAuthSettings(Duration.ofMinutes(5), Duration.ofDays(2), Duration.ofDays(30),
                Duration.ofMinutes(1), Optional.empty(), true);
        assertEquals(Duration.ofDays(2), SigningKeys.longestTokenLifetime(longIdTokens));
    }

    @Test
    void loadWhenKeysStoredThenReusedWithoutGenerating() {
        int inserts = GENERATED.inserts();
        SigningKeys second = new SigningKeys(GENERATED, new TestCipher());
        second.load();
        assertEquals(inserts, GENERATED.inserts());
        assertEquals(first.active(JWSAlgorithm.ES256).kid(), second.active(JWSAlgorithm.ES256).kid());
        assertEquals(first.active(JWSAlgorithm.RS256).kid(), second.active(JWSAlgorithm.RS256).kid());
    }

    @Test
    void loadWhenAnotherNodeStoredFirstThenItsKeyIsUsed() {
        // this node read an empty table, the other node's key arrives before this node's insert
        InMemorySigningKeyStore racing = new InMemorySigningKeyStore() {
            private int reads;

            @Override
            public synchronized List<StoredSigningKey> findAll() {
                return reads++ == 0 ? List.of() : super.findAll();
            }
        };
        GENERATED.all().forEach(racing::add);
        SigningKeys node = new SigningKeys(racing, new TestCipher());
        node.load();
        assertEquals(8, racing.all().size(), "the losing insert stored nothing, the other node's next key is used");
        assertEquals(first.active(JWSAlgorithm.ES256).kid(), node.active(JWSAlgorithm.ES256).kid());
    }

    @Test
    void loadWhenInsertFailsAndNoKeyAppearsThenFails() {
        InMemorySigningKeyStore broken = new InMemorySigningKeyStore() {
            @Override
            public synchronized void insertActive(StoredSigningKey key) {
                throw new IllegalStateException("database down");
            }
        };
        assertThrows(IllegalStateException.class, () -> new SigningKeys(broken, new TestCipher()).load());
    }

    @Test
    void loadWhenPrivateKeyDecryptedUnderAnotherContextThenFails() {
        InMemorySigningKeyStore swapped = new InMemorySigningKeyStore();
        StoredSigningKey es = GENERATED.findActive().stream().filter(key -> key.alg().equals("ES256")).findFirst()
                .orElseThrow();
        StoredSigningKey rs = GENERATED.findActive().stream().filter(key -> key.alg().equals("RS256")).findFirst()
                .orElseThrow();
        swapped.add(new StoredSigningKey(es.kid(), es.alg(), es.status(), es.publicJwk(), rs.encryptedPrivateJwk(),
                es.createdAt()));
        swapped.add(rs);
        assertThrows(SecurityException.class, () -> new SigningKeys(swapped, new TestCipher()).load());
    }

    @Test
    void loadWhenStoredPrivateKeyIsNotAJwkOrHoldsAnotherKidThenFails() {
        TestCipher cipher = new TestCipher();
        StoredSigningKey es = GENERATED.all().stream().filter(key -> key.alg().equals("ES256")).findFirst().orElseThrow();
        StoredSigningKey rs = GENERATED.all().stream().filter(key -> key.alg().equals("RS256")).findFirst().orElseThrow();
        InMemorySigningKeyStore garbage = new InMemorySigningKeyStore();
        garbage.add(new StoredSigningKey(es.kid(), es.alg(), es.status(), es.publicJwk(),
                cipher.encrypt("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8), "oauth_signing_key:" + es.kid()),
                es.createdAt()));
        garbage.add(rs);
        assertThrows(IllegalStateException.class, () -> new SigningKeys(garbage, cipher).load());
        // the RS256 private key re-encrypted under the ES256 key's kid: decrypts, but is another key
        byte[] rsPrivate = cipher.decrypt(rs.encryptedPrivateJwk(), "oauth_signing_key:" + rs.kid());
        InMemorySigningKeyStore swapped = new InMemorySigningKeyStore();
        swapped.add(new StoredSigningKey(es.kid(), es.alg(), es.status(), es.publicJwk(),
                cipher.encrypt(rsPrivate, "oauth_signing_key:" + es.kid()), es.createdAt()));
        swapped.add(rs);
        assertThrows(IllegalStateException.class, () -> new SigningKeys(swapped, cipher).load());
    }

    @Test
    void publicKeysHoldsTheActiveAndNextPublicKeysOnly() throws Exception {
        JWKSet published = JWKSet.parse(first.publicKeys().toString());
        assertEquals(8, published.getKeys().size());
        assertTrue(published.getKeys().stream().noneMatch(JWK::isPrivate));
        assertFalse(first.publicKeys().toString().contains("\"d\""));
    }

    @Test
    void verifierWhenKidUnknownThenEmpty() {
        assertTrue(first.verifier(first.active(JWSAlgorithm.RS256).kid()).isPresent());
        assertFalse(first.verifier("unknown").isPresent());
    }

    @Test
    void activeWhenNotLoadedThenFails() {
        SigningKeys notLoaded = new SigningKeys(new InMemorySigningKeyStore(), new TestCipher());
        assertThrows(IllegalStateException.class, () -> notLoaded.active(JWSAlgorithm.ES256));
        assertThrows(IllegalStateException.class, notLoaded::publicKeys);
    }

    @Test
    void activeWhenAlgorithmNotLoadedThenFails() {
        assertThrows(IllegalStateException.class, () -> first.active(JWSAlgorithm.ES512));
    }
}

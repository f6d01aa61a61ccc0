package dev.latchkey.oauth.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.InMemorySigningKeyStore;
import dev.latchkey.oauth.internal.fixtures.TestCipher;
import java.util.List;
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
        assertEquals(4, stored.size());
        assertEquals(List.of("ES256/active", "ES256/next", "RS256/active", "RS256/next"),
                stored.stream().map(key -> key.alg() + "/" + key.status()).sorted().toList());
        for (StoredSigningKey key : stored) {
            JWK publicJwk = JWK.parse(key.publicJwk());
            assertFalse(publicJwk.isPrivate(), "the public column holds no private part");
            assertEquals(publicJwk.computeThumbprint().toString(), key.kid());
            assertFalse(key.encryptedPrivateJwk().contains("\"d\""), "the private JWK is stored encrypted");
            assertEquals(TestClock.START, key.createdAt());
        }
        assertTrue(first.active(JWSAlgorithm.ES256).kid().length() >= 43);
        assertTrue(JWK.parse(stored.stream().filter(key -> key.alg().equals("ES256")).findFirst().orElseThrow()
                .publicJwk()) instanceof ECKey);
        assertEquals(2048, ((RSAKey) JWK.parse(stored.stream().filter(key -> key.alg().equals("RS256")).findFirst()
                .orElseThrow().publicJwk())).size());
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
        assertEquals(4, racing.all().size(), "the losing insert stored nothing, the other node's next key is used");
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
        assertEquals(4, published.getKeys().size());
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
        assertThrows(IllegalStateException.class, () -> first.active(JWSAlgorithm.EdDSA));
    }
}

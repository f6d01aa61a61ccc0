package dev.latchkey.oauth.internal.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.testing.RecordingBroadcast;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.InMemorySigningKeyStore;
import dev.latchkey.oauth.internal.fixtures.TestCipher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SigningKeyRotationTest {

    private static final Duration RETENTION = Duration.ofMinutes(10);
    private static final List<JWSAlgorithm> ES256 = List.of(JWSAlgorithm.ES256);

    private final TestClock clock = new TestClock();
    private final CountingStore store = new CountingStore();
    private final SigningKeys keys = new SigningKeys(store, new TestCipher(), clock, RETENTION);

    /** Counts reads, to tell when a node went back to the database. */
    static class CountingStore extends InMemorySigningKeyStore {
        final AtomicInteger reads = new AtomicInteger();

        @Override
        public synchronized List<StoredSigningKey> findAll() {
            reads.incrementAndGet();
            return super.findAll();
        }
    }

    private String kid(String alg, String status) {
        return store.all().stream().filter(key -> key.alg().equals(alg) && key.status().equals(status))
                .map(StoredSigningKey::kid).findFirst().orElseThrow();
    }

    private List<String> published() {
        return keys.publicKeys().getKeys().stream().map(JWK::getKeyID).sorted().toList();
    }

    @Test
    void rotateThenNextSignsOldActiveIsRetiredAndANewNextIsPublished() {
        keys.load();
        String oldActive = keys.active(JWSAlgorithm.ES256).kid();
        String next = kid("ES256", StoredSigningKey.NEXT);
        assertTrue(published().contains(next), "the next key is published before it signs");
        clock.advance(Duration.ofMinutes(1));

        List<SigningKeys.KeyView> view = keys.rotate(ES256);

        assertEquals(next, keys.active(JWSAlgorithm.ES256).kid());
        String newNext = kid("ES256", StoredSigningKey.NEXT);
        assertNotEquals(next, newNext);
        assertTrue(keys.verifier(oldActive).isPresent(), "the retired key still verifies");
        assertEquals(3, keys.publicKeys().getKeys().stream()
                .filter(jwk -> jwk.getAlgorithm().getName().equals("ES256")).count());
        assertTrue(published().containsAll(List.of(oldActive, next, newNext)));
        SigningKeys.KeyView retired = view.stream().filter(key -> key.kid().equals(oldActive)).findFirst().orElseThrow();
        assertEquals(StoredSigningKey.RETIRED, retired.status());
        assertEquals(TestClock.START.plus(Duration.ofMinutes(1)), retired.retired());
        assertEquals(retired.retired().plus(RETENTION), retired.verifiesUntil());
        SigningKeys.KeyView active = view.stream().filter(key -> key.kid().equals(next)).findFirst().orElseThrow();
        assertEquals(StoredSigningKey.ACTIVE, active.status());
        assertEquals(retired.retired(), active.activated());
        assertNull(active.verifiesUntil());
        assertEquals(StoredSigningKey.ACTIVE, view.stream().filter(key -> key.alg().equals("RS256")
                && key.status().equals(StoredSigningKey.ACTIVE)).findFirst().orElseThrow().status(),
                "RS256 was not asked for and keeps its key");
        assertEquals(1, store.rotations());
    }

    @Test
    void rotateThenNewTokensCarryTheNewKidAndOldTokensStillVerify() throws Exception {
        keys.load();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("alice").build();
        SignedJWT before = SignedJWT.parse(keys.active(JWSAlgorithm.RS256).sign(JOSEObjectType.JWT, claims));
        keys.rotate(SigningKeys.ALGORITHMS);
        SignedJWT after = SignedJWT.parse(keys.active(JWSAlgorithm.RS256).sign(JOSEObjectType.JWT, claims));

        assertNotEquals(before.getHeader().getKeyID(), after.getHeader().getKeyID());
        assertTrue(before.verify(keys.verifier(before.getHeader().getKeyID()).orElseThrow()));
        assertTrue(after.verify(keys.verifier(after.getHeader().getKeyID()).orElseThrow()));
    }

    @Test
    void retiredKeyWhenItsTokensHaveExpiredThenUnpublishedAndNoLongerVerifying() {
        keys.load();
        String oldActive = keys.active(JWSAlgorithm.ES256).kid();
        keys.rotate(ES256);
        clock.advance(RETENTION.minusSeconds(1));
        assertTrue(keys.verifier(oldActive).isPresent());
        assertTrue(published().contains(oldActive));

        clock.advance(Duration.ofSeconds(1));

        assertFalse(keys.verifier(oldActive).isPresent());
        assertFalse(published().contains(oldActive));
        int reads = store.reads.get();
        keys.verifier(oldActive);
        assertEquals(reads, store.reads.get(), "an expired kid of ours is no reason to reload");
    }

    @Test
    void rotateWhenRetiredKeysArePastRetentionThenTheyAreDeleted() {
        keys.load();
        String first = keys.active(JWSAlgorithm.ES256).kid();
        keys.rotate(ES256);
        String second = keys.active(JWSAlgorithm.ES256).kid();
        clock.advance(RETENTION.plusSeconds(1));

        keys.rotate(ES256);

        List<String> stored = store.all().stream().map(StoredSigningKey::kid).toList();
        assertFalse(stored.contains(first), "retired longer than the retention: deleted");
        assertTrue(stored.contains(second), "just retired: kept");
        assertEquals(StoredSigningKey.RETIRED, store.all().stream().filter(key -> key.kid().equals(second))
                .findFirst().orElseThrow().status());
    }

    @Test
    void verifierWhenKidUnknownThenReloadsAndFindsAnotherNodesRotation() {
        keys.load();
        SigningKeys otherNode = new SigningKeys(store, new TestCipher(), clock, RETENTION);
        otherNode.load();
        otherNode.rotate(ES256);
        otherNode.rotate(ES256);
        String rotatedIn = otherNode.active(JWSAlgorithm.ES256).kid();
        int reads = store.reads.get();

        assertTrue(keys.verifier(rotatedIn).isPresent());
        assertEquals(reads + 1, store.reads.get());
        assertFalse(keys.verifier("unknown-1").isPresent());
        assertEquals(reads + 1, store.reads.get(), "at most one reload per interval");

        clock.advance(SigningKeys.RELOAD_INTERVAL);
        assertFalse(keys.verifier("unknown-2").isPresent());
        assertEquals(reads + 2, store.reads.get());
        assertEquals(rotatedIn, keys.active(JWSAlgorithm.ES256).kid(), "the reload also switched the signer");
    }

    @Test
    void rotateThenTheOtherNodesAreToldAndReloadAtOnce() {
        RecordingBroadcast broadcast = new RecordingBroadcast();
        SigningKeys rotating = new SigningKeys(store, new TestCipher(), clock, RETENTION, broadcast);
        rotating.load();
        keys.load();
        rotating.rotate(ES256);
        assertEquals(List.of(new ClusterMessage(SigningKeys.CHANGED, "ES256", true)), broadcast.published());

        int reads = store.reads.get();
        keys.onBroadcast(new ClusterMessage(SigningKeys.CHANGED, "ES256", true));
        assertEquals(reads, store.reads.get(), "its own message changes nothing");
        keys.onBroadcast(new ClusterMessage(SigningKeys.CHANGED, "ES256", false));
        assertEquals(rotating.active(JWSAlgorithm.ES256).kid(), keys.active(JWSAlgorithm.ES256).kid(),
                "signs with the new key without meeting its kid first");
    }

    @Test
    void rotateDueWhenNothingDueThenNothingBroadcastButARotationIs() {
        RecordingBroadcast broadcast = new RecordingBroadcast();
        SigningKeys node = new SigningKeys(store, new TestCipher(), clock, RETENTION, broadcast);
        node.load();
        node.rotateDue(Duration.ofDays(90));
        assertEquals(List.of(), broadcast.published());
        clock.advance(Duration.ofDays(90));
        node.rotateDue(Duration.ofDays(90));
        assertEquals(List.of(new ClusterMessage(SigningKeys.CHANGED, "ES256,RS256,PS256,EdDSA", true)),
                broadcast.published());
    }

    @Test
    void missedBroadcastsThenReloaded() {
        keys.load();
        SigningKeys otherNode = new SigningKeys(store, new TestCipher(), clock, RETENTION);
        otherNode.load();
        otherNode.rotate(ES256);
        keys.onMissedBroadcasts(ClusterMessagesMissed.now());
        assertEquals(otherNode.active(JWSAlgorithm.ES256).kid(), keys.active(JWSAlgorithm.ES256).kid());
    }

    @Test
    void reloadWhenStoreFailsThenKeepsTheKeysInMemory() {
        InMemorySigningKeyStore failing = new InMemorySigningKeyStore() {
            private int reads;

            @Override
            public synchronized List<StoredSigningKey> findAll() {
                // the reads of the first load: one, then two per algorithm (after each insert)
                if (reads++ > 2 * SigningKeys.ALGORITHMS.size()) {
                    throw new IllegalStateException("database down");
                }
                return super.findAll();
            }
        };
        SigningKeys node = new SigningKeys(failing, new TestCipher(), clock, RETENTION);
        node.load();
        String active = node.active(JWSAlgorithm.ES256).kid();
        for (int i = 0; i < 3; i++) {
            node.reload();
        }
        assertEquals(active, node.active(JWSAlgorithm.ES256).kid());
    }

    @Test
    void rotateWhenAnotherNodeRotatedFirstThenOnlyOneRotationHappens() {
        keys.load();
        SigningKeys otherNode = new SigningKeys(store, new TestCipher(), clock, RETENTION);
        otherNode.load();
        String oldActive = keys.active(JWSAlgorithm.ES256).kid();
        // the other node's rotation lands between this node's read and its conditional update
        InMemorySigningKeyStore racing = new InMemorySigningKeyStore() {
            @Override
            public synchronized boolean rotate(String alg, String activeKid, String nextKid,
                                               StoredSigningKey newNext, java.time.Instant now,
                                               java.time.Instant deleteRetiredBefore) {
                return store.rotate(alg, activeKid, nextKid, newNext, now, deleteRetiredBefore);
            }
        };
        store.all().forEach(racing::add);
        SigningKeys late = new SigningKeys(racing, new TestCipher(), clock, RETENTION);
        late.load();
        otherNode.rotate(ES256);

        late.rotate(ES256);

        assertEquals(1, store.rotations());
        assertEquals(1, store.findActive().stream().filter(key -> key.alg().equals("ES256")).count());
        assertEquals(1, store.all().stream().filter(key -> key.alg().equals("ES256")
                && key.status().equals(StoredSigningKey.NEXT)).count());
        assertEquals(StoredSigningKey.RETIRED, store.all().stream().filter(key -> key.kid().equals(oldActive))
                .findFirst().orElseThrow().status());
    }

    @Test
    void rotateFromManyThreadsAndNodesThenOneActiveKeyPerAlgorithm() throws Exception {
        keys.load();
        List<SigningKeys> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKeys node = new SigningKeys(store, new TestCipher(), clock, RETENTION);
            node.load();
            nodes.add(node);
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (SigningKeys node : nodes) {
                done.add(pool.submit(() -> {
                    go.await();
                    return node.rotate(ES256);
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, store.findActive().stream().filter(key -> key.alg().equals("ES256")).count());
        assertEquals(1, store.findActive().stream().filter(key -> key.alg().equals("RS256")).count());
        assertTrue(store.rotations() >= 1);
        String active = kid("ES256", StoredSigningKey.ACTIVE);
        for (SigningKeys node : nodes) {
            node.reload();
            assertEquals(active, node.active(JWSAlgorithm.ES256).kid());
        }
    }

    @Test
    void rotateDueWhenIntervalNotReachedThenNothingRotates() {
        keys.load();
        String active = keys.active(JWSAlgorithm.ES256).kid();
        clock.advance(Duration.ofDays(90).minusSeconds(1));

        assertEquals(List.of(), keys.rotateDue(Duration.ofDays(90)));

        assertEquals(active, keys.active(JWSAlgorithm.ES256).kid());
        assertEquals(0, store.rotations());
    }

    @Test
    void rotateDueWhenIntervalReachedThenEachAlgorithmRotatesOnceAndNotAgainUntilTheNextInterval() {
        keys.load();
        String next = kid("RS256", StoredSigningKey.NEXT);
        clock.advance(Duration.ofDays(90));

        assertEquals(SigningKeys.ALGORITHMS, keys.rotateDue(Duration.ofDays(90)));
        assertEquals(next, keys.active(JWSAlgorithm.RS256).kid());

        clock.advance(Duration.ofDays(1));
        assertEquals(List.of(), keys.rotateDue(Duration.ofDays(90)), "the promoted key counts from its activation");
        assertEquals(SigningKeys.ALGORITHMS.size(), store.rotations());
    }

    @Test
    void rotateDueWhenNextKeyPublishedTooRecentlyThenWaitsForTheJwksCacheToExpire() {
        keys.load();
        keys.rotate(ES256);
        // the new next key was published just now; a tiny interval makes the rotation due at once
        clock.advance(SigningKeys.PUBLISHED_BEFORE_SIGNING.minusSeconds(1));
        assertEquals(List.of(), keys.rotateDue(Duration.ofSeconds(1)).stream()
                .filter(JWSAlgorithm.ES256::equals).toList());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(keys.rotateDue(Duration.ofSeconds(1)).contains(JWSAlgorithm.ES256));
    }

    @Test
    void rotateDueWhenNoNextKeyThenPublishesOneAndRotatesAtALaterCheck() {
        keys.load();
        InMemorySigningKeyStore withoutNext = new InMemorySigningKeyStore();
        store.findActive().forEach(withoutNext::add);
        SigningKeys node = new SigningKeys(withoutNext, new TestCipher(), clock, RETENTION);
        node.reload();
        clock.advance(Duration.ofDays(90));

        assertEquals(List.of(), node.rotateDue(Duration.ofDays(90)));
        assertEquals(SigningKeys.ALGORITHMS.size(),
                withoutNext.all().stream().filter(key -> key.status().equals(StoredSigningKey.NEXT)).count());
        assertEquals(2 * SigningKeys.ALGORITHMS.size(), node.publicKeys().getKeys().size(),
                "the new next keys are published");

        clock.advance(SigningKeys.PUBLISHED_BEFORE_SIGNING);
        assertEquals(SigningKeys.ALGORITHMS, node.rotateDue(Duration.ofDays(90)));
    }

    @Test
    void rotateDueWhenAnotherNodeRotatesFromTheSameReadThenOnlyOneRotation() {
        keys.load();
        clock.advance(Duration.ofDays(90));
        // the other node's rotation lands after this node's read
        InMemorySigningKeyStore late = new InMemorySigningKeyStore() {
            private boolean first = true;

            @Override
            public synchronized List<StoredSigningKey> findAll() {
                List<StoredSigningKey> read = store.findAll();
                if (first) {
                    first = false;
                    new SigningKeys(store, new TestCipher(), clock, RETENTION).rotateDue(Duration.ofDays(90));
                }
                return read;
            }

            @Override
            public synchronized boolean rotate(String alg, String activeKid, String nextKid,
                                               StoredSigningKey newNext, java.time.Instant now,
                                               java.time.Instant deleteRetiredBefore) {
                return store.rotate(alg, activeKid, nextKid, newNext, now, deleteRetiredBefore);
            }
        };
        SigningKeys node = new SigningKeys(late, new TestCipher(), clock, RETENTION);

        assertEquals(List.of(), node.rotateDue(Duration.ofDays(90)));

        assertEquals(SigningKeys.ALGORITHMS.size(), store.rotations(), "one per algorithm, by the other node");
        assertEquals(SigningKeys.ALGORITHMS.size(), store.findActive().size());
    }

    @Test
    void scheduleCheckWhenRotationOffThenReloadsOnlyAndNeverThrows() {
        keys.load();
        SigningKeys otherNode = new SigningKeys(store, new TestCipher(), clock, RETENTION);
        otherNode.load();
        otherNode.rotate(ES256);
        clock.advance(Duration.ofDays(365));

        KeyRotationSchedule.check(keys, java.util.Optional.empty());

        assertEquals(otherNode.active(JWSAlgorithm.ES256).kid(), keys.active(JWSAlgorithm.ES256).kid());
        assertEquals(1, store.rotations(), "no scheduled rotation");
        SigningKeys broken = new SigningKeys(new InMemorySigningKeyStore() {
            @Override
            public synchronized List<StoredSigningKey> findAll() {
                throw new IllegalStateException("database down");
            }
        }, new TestCipher(), clock, RETENTION);
        KeyRotationSchedule.check(broken, java.util.Optional.of(Duration.ofDays(90)));
    }
}

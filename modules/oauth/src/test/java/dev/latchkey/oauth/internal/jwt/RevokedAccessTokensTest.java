package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevokedAccessTokensTest {

    private final TestClock clock = new TestClock();
    private final AtomicInteger reads = new AtomicInteger();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final CountingStore counting = new CountingStore(store, reads);
    private final RevokedAccessTokens revoked = new RevokedAccessTokens(counting, clock);
    private final Instant expiresAt = TestClock.START.plus(Duration.ofMinutes(5));

    @Test
    void revokeWhenLiveThenStoredUntilTheTokenExpires() {
        revoked.revoke("jti-1", expiresAt);
        assertEquals(Set.of("revoked-jti:jti-1"), store.keys());
        assertEquals(Optional.of(Duration.ofMinutes(5)), store.ttl("revoked-jti:jti-1"));
        assertTrue(revoked.isRevoked("jti-1", expiresAt));
        assertEquals(0, reads.get(), "the revoking node knows without asking the store");
    }

    @Test
    void revokeWhenLessThanASecondLeftThenKeptForOneWholeSecond() {
        revoked.revoke("jti-1", TestClock.START.plusMillis(300));
        assertEquals(Optional.of(Duration.ofSeconds(1)), store.ttl("revoked-jti:jti-1"));
    }

    @Test
    void revokeWhenAlreadyExpiredThenNothingStored() {
        revoked.revoke("jti-1", TestClock.START);
        assertTrue(store.keys().isEmpty());
    }

    @Test
    void isRevokedWhenRevokedOnAnotherNodeThenSeenThroughTheStoreAndRemembered() {
        new RevokedAccessTokens(counting, clock).revoke("jti-1", expiresAt);
        assertTrue(revoked.isRevoked("jti-1", expiresAt));
        assertTrue(revoked.isRevoked("jti-1", expiresAt));
        assertEquals(1, reads.get());
    }

    @Test
    void isRevokedWhenNotRevokedThenOneStoreReadPerRecheckInterval() {
        assertFalse(revoked.isRevoked("jti-1", expiresAt));
        assertFalse(revoked.isRevoked("jti-1", expiresAt));
        assertEquals(1, reads.get());
        clock.advance(RevokedAccessTokens.RECHECK);
        assertFalse(revoked.isRevoked("jti-1", expiresAt));
        assertEquals(2, reads.get());
    }

    @Test
    void isRevokedWhenAnotherNodeRevokesThenSeenWithinTheRecheckInterval() {
        assertFalse(revoked.isRevoked("jti-1", expiresAt));
        new RevokedAccessTokens(counting, clock).revoke("jti-1", expiresAt);
        assertFalse(revoked.isRevoked("jti-1", expiresAt), "the documented propagation window");
        clock.advance(RevokedAccessTokens.RECHECK);
        assertTrue(revoked.isRevoked("jti-1", expiresAt));
    }

    @Test
    void isRevokedWhenRevokedOnThisNodeAfterANegativeAnswerThenAtOnce() {
        assertFalse(revoked.isRevoked("jti-1", expiresAt));
        revoked.revoke("jti-1", expiresAt);
        assertTrue(revoked.isRevoked("jti-1", expiresAt));
    }

    @Test
    void isRevokedWhenTheDenyEntryExpiredWithItsTokenThenNotRevoked() {
        revoked.revoke("jti-1", expiresAt);
        clock.advance(Duration.ofMinutes(5));
        assertTrue(store.keys().isEmpty());
        assertFalse(new RevokedAccessTokens(counting, clock).isRevoked("jti-1", expiresAt.plusSeconds(60)));
    }

    @Test
    void revokeGrantThenEveryTokenOfTheGrantIsRevokedAndOthersAreNot() {
        java.util.UUID grant = java.util.UUID.randomUUID();
        revoked.revokeGrant(grant, expiresAt);
        assertEquals(Optional.of(Duration.ofMinutes(5)), store.ttl("revoked-grant:" + grant));
        assertTrue(revoked.isGrantRevoked(grant.toString(), expiresAt.minusSeconds(60)));
        assertFalse(revoked.isGrantRevoked(java.util.UUID.randomUUID().toString(), expiresAt));
        assertTrue(new RevokedAccessTokens(counting, clock).isGrantRevoked(grant.toString(), expiresAt));
        assertFalse(revoked.isRevoked(grant.toString(), expiresAt), "a grant and a jti are different keys");
    }

    /** Counts the reads that reach the store. */
    private static final class CountingStore implements EphemeralStore {
        private final EphemeralStore store;
        private final AtomicInteger reads;

        CountingStore(EphemeralStore store, AtomicInteger reads) {
            this.store = store;
            this.reads = reads;
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            store.put(key, value, ttl);
        }

        @Override
        public boolean putIfAbsent(String key, String value, Duration ttl) {
            return store.putIfAbsent(key, value, ttl);
        }

        @Override
        public Optional<String> get(String key) {
            reads.incrementAndGet();
            return store.get(key);
        }

        @Override
        public Optional<String> take(String key) {
            return store.take(key);
        }

        @Override
        public void delete(String key) {
            store.delete(key);
        }

        @Override
        public void addToSet(String key, String member, Duration ttl) {
            store.addToSet(key, member, ttl);
        }

        @Override
        public boolean removeFromSet(String key, String member) {
            return store.removeFromSet(key, member);
        }

        @Override
        public Set<String> members(String key) {
            return store.members(key);
        }

        @Override
        public boolean isAvailable() {
            return store.isAvailable();
        }

        @Override
        public String kind() {
            return store.kind();
        }
    }
}

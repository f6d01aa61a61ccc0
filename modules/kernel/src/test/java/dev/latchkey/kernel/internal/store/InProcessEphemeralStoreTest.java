package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.TestClock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InProcessEphemeralStoreTest extends EphemeralStoreContract {

    private final TestClock clock = new TestClock();
    private final InProcessEphemeralStore store = new InProcessEphemeralStore(clock);

    @Override
    InProcessEphemeralStore store() {
        return store;
    }

    @Test
    void getWhenTtlElapsedThenEmpty() {
        store.put("k", "v", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), store.get("k"));
        assertEquals(Optional.empty(), store.take("k"));
    }

    @Test
    void putIfAbsentWhenPreviousEntryExpiredThenStores() {
        assertTrue(store.putIfAbsent("k", "old", Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(2));
        assertTrue(store.putIfAbsent("k", "new", Duration.ofSeconds(1)));
        assertEquals(Optional.of("new"), store.get("k"));
    }

    @Test
    void aSetExpiresWithTheTtlOfItsLastAdd() {
        store.addToSet("s", "a", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(8));
        store.addToSet("s", "b", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(8));
        assertEquals(Set.of("a", "b"), store.members("s"));

        clock.advance(Duration.ofSeconds(2));

        assertEquals(Set.of(), store.members("s"));
        store.addToSet("s", "c", Duration.ofSeconds(10));
        assertEquals(Set.of("c"), store.members("s"), "an expired set's members do not come back");
    }

    @Test
    void sweepRemovesExpiredValuesAndSetsAndKeepsLiveOnes() {
        store.put("old", "v", Duration.ofSeconds(1));
        store.addToSet("old-set", "a", Duration.ofSeconds(1));
        store.put("live", "v", Duration.ofMinutes(1));
        store.addToSet("live-set", "a", Duration.ofMinutes(1));
        clock.advance(Duration.ofSeconds(5));

        store.sweep();

        assertEquals(2, store.size());
        assertEquals(Optional.of("v"), store.get("live"));
        assertEquals(Set.of("a"), store.members("live-set"));
    }

    @Test
    void expiredEntriesAreSweptAfterManyWrites() {
        for (int i = 0; i < 100; i++) {
            store.put("old-" + i, "v", Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(5));
        for (int i = 0; i < 4096; i++) {
            store.put("fresh", "v", Duration.ofMinutes(1));
        }
        assertEquals(1, store.size());
        assertTrue(store.isAvailable());
        assertEquals("in-process", store.kind());
        assertFalse(store.get("old-1").isPresent());
    }
}

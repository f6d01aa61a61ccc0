package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link EphemeralStore} must do; each implementation's test extends this. */
abstract class EphemeralStoreContract {

    abstract EphemeralStore store();

    private String key(String name) {
        return "test:" + name + ":" + SecureTokens.newToken(8);
    }

    @Test
    void putThenGetReturnsTheValueAndDeleteRemovesIt() {
        String key = key("put");
        store().put(key, "value", Duration.ofMinutes(1));
        assertEquals(Optional.of("value"), store().get(key));
        store().put(key, "other", Duration.ofMinutes(1));
        assertEquals(Optional.of("other"), store().get(key));
        store().delete(key);
        assertEquals(Optional.empty(), store().get(key));
        store().delete(key);
    }

    @Test
    void putIfAbsentStoresOnlyTheFirstValue() {
        String key = key("nx");
        assertTrue(store().putIfAbsent(key, "first", Duration.ofMinutes(1)));
        assertFalse(store().putIfAbsent(key, "second", Duration.ofMinutes(1)));
        assertEquals(Optional.of("first"), store().get(key));
        store().delete(key);
    }

    @Test
    void takeReturnsTheValueOnceEvenUnderConcurrency() throws Exception {
        String key = key("take");
        store().put(key, "once", Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Optional<String>>> takers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                takers.add(() -> store().take(key));
            }
            long winners = 0;
            for (Future<Optional<String>> result : pool.invokeAll(takers)) {
                winners += result.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.empty(), store().get(key));
    }

    @Test
    void setMembersAreAddedOnceAndRemovedAndAnEmptySetIsGone() {
        String key = key("set");
        store().addToSet(key, "a", Duration.ofMinutes(1));
        store().addToSet(key, "b", Duration.ofMinutes(1));
        store().addToSet(key, "a", Duration.ofMinutes(1));
        assertEquals(Set.of("a", "b"), store().members(key));

        assertTrue(store().removeFromSet(key, "a"));
        assertFalse(store().removeFromSet(key, "a"));
        assertEquals(Set.of("b"), store().members(key));
        assertTrue(store().removeFromSet(key, "b"));

        assertEquals(Set.of(), store().members(key));
        assertFalse(store().removeFromSet(key, "b"));
        assertFalse(store().removeFromSet(key("unknown"), "x"));
    }

    @Test
    void deleteRemovesASet() {
        String key = key("set-delete");
        store().addToSet(key, "a", Duration.ofMinutes(1));
        store().delete(key);
        assertEquals(Set.of(), store().members(key));
    }

    @Test
    void getOfAnUnknownKeyIsEmpty() {
        assertEquals(Optional.empty(), store().get(key("unknown")));
        assertEquals(Optional.empty(), store().take(key("unknown")));
        assertEquals(Set.of(), store().members(key("unknown")));
    }
}

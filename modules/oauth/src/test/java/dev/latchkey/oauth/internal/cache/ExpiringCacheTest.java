package dev.latchkey.oauth.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void getWhenLiveThenValueAndWhenExpiredThenEmptyAndDropped() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", T0.plusSeconds(5), T0);
        assertEquals(Optional.of("v"), cache.get("k", T0.plusSeconds(4)));
        assertFalse(cache.get("k", T0.plusSeconds(5)).isPresent());
        assertEquals(0, cache.size());
        assertFalse(cache.get("other", T0).isPresent());
    }

    @Test
    void putWhenFullThenExpiredSweptFirst() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2);
        cache.put("old", "v", T0.plusSeconds(1), T0);
        cache.put("live", "v", T0.plusSeconds(100), T0);
        cache.put("new", "v", T0.plusSeconds(100), T0.plusSeconds(2));
        assertEquals(2, cache.size());
        assertEquals(Optional.of("v"), cache.get("live", T0.plusSeconds(2)));
    }

    @Test
    void putWhenFullOfLiveEntriesThenEmptiedFirst() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2);
        cache.put("a", "v", T0.plusSeconds(100), T0);
        cache.put("b", "v", T0.plusSeconds(100), T0);
        cache.put("c", "v", T0.plusSeconds(100), T0);
        assertEquals(1, cache.size());
        assertEquals(Optional.of("v"), cache.get("c", T0));
    }

    @Test
    void getOrLoadWhenAbsentThenLoadsAndKeepsForTtlButKeepsNothingNotFound() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10);
        List<String> loads = new ArrayList<>();
        Function<String, Optional<String>> load = key -> {
            loads.add(key);
            return key.equals("known") ? Optional.of("v") : Optional.empty();
        };

        assertEquals(Optional.of("v"), cache.getOrLoad("known", T0, Duration.ofSeconds(5), load));
        assertEquals(Optional.of("v"), cache.getOrLoad("known", T0.plusSeconds(4), Duration.ofSeconds(5), load));
        assertEquals(Optional.empty(), cache.getOrLoad("unknown", T0, Duration.ofSeconds(5), load));
        assertEquals(Optional.of("v"), cache.getOrLoad("known", T0.plusSeconds(5), Duration.ofSeconds(5), load));

        assertEquals(List.of("known", "unknown", "known"), loads);
        assertEquals(1, cache.size());
    }

    @Test
    void removeDropsTheKey() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2);
        cache.put("a", "v", T0.plusSeconds(100), T0);
        cache.remove("a");
        assertFalse(cache.get("a", T0).isPresent());
    }

    @Test
    void constructWhenNotPositiveThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ExpiringCache<String, String>(0));
    }
}

package dev.latchkey.oauth.internal.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * A thread-safe map whose entries expire at a given instant and which never holds more than
 * {@code maxEntries}: when full, expired entries are swept, and if that is not enough the map is
 * emptied (a burst of distinct keys costs re-reads, never memory). The caller passes the time,
 * so tests drive it with a clock.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expiresAt) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;

    public ExpiringCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The live value of a key at {@code now}; an expired entry is dropped. */
    public Optional<V> get(K key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.expiresAt())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * Read-through: the live value of a key at {@code now}, else what {@code load} finds for it,
     * kept for {@code ttl}. Nothing is kept when {@code load} finds nothing, so unknown keys
     * cannot fill the map.
     */
    public Optional<V> getOrLoad(K key, Instant now, Duration ttl, Function<K, Optional<V>> load) {
        Optional<V> cached = get(key, now);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<V> found = load.apply(key);
        found.ifPresent(value -> put(key, value, now.plus(ttl), now));
        return found;
    }

    /** Keeps {@code value} until {@code expiresAt}, making room first when the map is full. */
    public void put(K key, V value, Instant expiresAt, Instant now) {
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, expiresAt));
    }

    public void remove(K key) {
        entries.remove(key);
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}

package dev.latchkey.oauth.internal.code;

import dev.latchkey.kernel.api.EphemeralStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link EphemeralStore} in this JVM on a test clock, with the same contract as the kernel's
 * stores: entries expire after their TTL, and {@link #take} is atomic (a single remove), which
 * the concurrent-redemption test relies on.
 */
final class TestEphemeralStore implements EphemeralStore {

    private record Entry(String value, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    TestEphemeralStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        Instant now = clock.instant();
        Entry fresh = new Entry(value, now.plus(ttl));
        return entries.compute(key, (k, existing) -> existing == null || !existing.expiresAt().isAfter(now)
                ? fresh : existing) == fresh;
    }

    @Override
    public Optional<String> get(String key) {
        return live(entries.get(key));
    }

    @Override
    public Optional<String> take(String key) {
        return live(entries.remove(key));
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String kind() {
        return "test";
    }

    /** Every key stored, live or expired. */
    Iterable<String> keys() {
        return entries.keySet();
    }

    /** The time an entry expires, for checking TTLs. */
    Optional<Instant> expiresAt(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::expiresAt);
    }

    private Optional<String> live(Entry entry) {
        return entry == null || !entry.expiresAt().isAfter(clock.instant())
                ? Optional.empty() : Optional.of(entry.value());
    }
}

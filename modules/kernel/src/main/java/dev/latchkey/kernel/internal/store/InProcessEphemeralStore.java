package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default's store: a map in this JVM. Expired entries are dropped when read and
 * swept every few thousand writes, so the map does not grow without bound. Made through
 * {@link dev.latchkey.kernel.api.EphemeralStores#inProcess}.
 */
public final class InProcessEphemeralStore implements EphemeralStore {

    private static final int SWEEP_EVERY_WRITES = 4096;

    private record Entry(String value, Instant expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private int writesSinceSweep;

    public InProcessEphemeralStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, clock.instant().plus(ttl)));
        maybeSweep();
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        Entry fresh = new Entry(value, clock.instant().plus(ttl));
        Instant now = clock.instant();
        boolean[] stored = {false};
        entries.compute(key, (k, existing) -> {
            if (existing == null || !existing.expiresAt().isAfter(now)) {
                stored[0] = true;
                return fresh;
            }
            return existing;
        });
        maybeSweep();
        return stored[0];
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    @Override
    public Optional<String> take(String key) {
        Entry entry = entries.remove(key);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(entry.value());
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
        return "in-process";
    }

    int size() {
        return entries.size();
    }

    private void maybeSweep() {
        if (++writesSinceSweep < SWEEP_EVERY_WRITES) {
            return;
        }
        writesSinceSweep = 0;
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
    }
}

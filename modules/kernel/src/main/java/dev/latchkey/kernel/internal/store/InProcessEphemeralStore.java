package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default's store: a map in this JVM. Expired entries are dropped when read, by
 * {@link #sweep()} (which the producer runs every minute) and every few thousand writes, so the
 * map does not grow without bound. Made through {@link dev.latchkey.kernel.api.EphemeralStores#inProcess}.
 */
public final class InProcessEphemeralStore implements EphemeralStore {

    private static final int SWEEP_EVERY_WRITES = 4096;

    /** A string value or, for the set operations, a set of members (never both). */
    private record Entry(String value, Set<String> members, Instant expiresAt) {
        boolean liveAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private int writesSinceSweep;

    public InProcessEphemeralStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, null, clock.instant().plus(ttl)));
        maybeSweep();
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        Entry fresh = new Entry(value, null, clock.instant().plus(ttl));
        Instant now = clock.instant();
        boolean[] stored = {false};
        entries.compute(key, (k, existing) -> {
            if (existing == null || !existing.liveAt(now)) {
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
        return live(key).map(Entry::value);
    }

    @Override
    public Optional<String> take(String key) {
        Entry entry = entries.remove(key);
        if (entry == null || !entry.liveAt(clock.instant())) {
            return Optional.empty();
        }
        return Optional.ofNullable(entry.value());
    }

    @Override
    public void delete(String key) {
        entries.remove(key);
    }

    @Override
    public void addToSet(String key, String member, Duration ttl) {
        Instant now = clock.instant();
        entries.compute(key, (k, existing) -> {
            Set<String> members = new HashSet<>();
            if (existing != null && existing.liveAt(now) && existing.members() != null) {
                members.addAll(existing.members());
            }
            members.add(member);
            return new Entry(null, Set.copyOf(members), now.plus(ttl));
        });
        maybeSweep();
    }

    @Override
    public boolean removeFromSet(String key, String member) {
        Instant now = clock.instant();
        boolean[] removed = {false};
        entries.computeIfPresent(key, (k, existing) -> {
            if (!existing.liveAt(now) || existing.members() == null) {
                return existing.liveAt(now) ? existing : null;
            }
            Set<String> members = new HashSet<>(existing.members());
            removed[0] = members.remove(member);
            // like Redis, a set without members is no key at all
            return members.isEmpty() ? null : new Entry(null, Set.copyOf(members), existing.expiresAt());
        });
        return removed[0];
    }

    @Override
    public Set<String> members(String key) {
        return live(key).map(Entry::members).orElse(Set.of());
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String kind() {
        return "in-process";
    }

    /** Removes every expired entry. */
    public void sweep() {
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.liveAt(now));
    }

    /** How many entries the map holds, expired ones not yet swept included. */
    public int size() {
        return entries.size();
    }

    private Optional<Entry> live(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.liveAt(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    private void maybeSweep() {
        if (++writesSinceSweep < SWEEP_EVERY_WRITES) {
            return;
        }
        writesSinceSweep = 0;
        sweep();
    }
}

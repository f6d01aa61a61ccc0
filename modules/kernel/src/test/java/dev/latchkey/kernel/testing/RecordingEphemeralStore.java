package dev.latchkey.kernel.testing;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.internal.store.InProcessEphemeralStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The real in-process store ({@link dev.latchkey.kernel.api.EphemeralStores#inProcess}) that also remembers the TTL of
 * each key's last write, so a test can check which keys a component keeps and for how long.
 * Every read and write goes to the real store: expiry and the atomicity of {@link #take} are
 * the production ones. {@link #sweep()} and {@link #size()} show what the store itself holds.
 */
public final class RecordingEphemeralStore implements EphemeralStore {

    private record Write(Duration ttl, Instant expiresAt) {
    }

    private final InProcessEphemeralStore store;
    private final Clock clock;
    private final Map<String, Write> writes = new ConcurrentHashMap<>();

    public RecordingEphemeralStore(Clock clock) {
        this.store = new InProcessEphemeralStore(clock);
        this.clock = clock;
    }

    /** The keys the store holds now (written, not taken, deleted or expired). */
    public Set<String> keys() {
        Instant now = clock.instant();
        return writes.entrySet().stream()
                .filter(entry -> entry.getValue().expiresAt().isAfter(now))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The TTL a live key was last written with. */
    public Optional<Duration> ttl(String key) {
        return live(key).map(Write::ttl);
    }

    /** When a live key expires. */
    public Optional<Instant> expiresAt(String key) {
        return live(key).map(Write::expiresAt);
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        store.put(key, value, ttl);
        writes.put(key, new Write(ttl, clock.instant().plus(ttl)));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        boolean stored = store.putIfAbsent(key, value, ttl);
        if (stored) {
            writes.put(key, new Write(ttl, clock.instant().plus(ttl)));
        }
        return stored;
    }

    @Override
    public Optional<String> get(String key) {
        return store.get(key);
    }

    @Override
    public Optional<String> take(String key) {
        Optional<String> value = store.take(key);
        writes.remove(key);
        return value;
    }

    @Override
    public void delete(String key) {
        store.delete(key);
        writes.remove(key);
    }

    @Override
    public void addToSet(String key, String member, Duration ttl) {
        store.addToSet(key, member, ttl);
        writes.put(key, new Write(ttl, clock.instant().plus(ttl)));
    }

    @Override
    public boolean removeFromSet(String key, String member) {
        boolean removed = store.removeFromSet(key, member);
        if (store.members(key).isEmpty()) {
            writes.remove(key);
        }
        return removed;
    }

    @Override
    public Set<String> members(String key) {
        return store.members(key);
    }

    /** Runs the store's periodic sweep of expired entries now. */
    public void sweep() {
        store.sweep();
    }

    /** How many entries the store holds, expired ones not yet swept included. */
    public int size() {
        return store.size();
    }

    @Override
    public boolean isAvailable() {
        return store.isAvailable();
    }

    @Override
    public String kind() {
        return store.kind();
    }

    private Optional<Write> live(String key) {
        return Optional.ofNullable(writes.get(key)).filter(write -> write.expiresAt().isAfter(clock.instant()));
    }
}

package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.EphemeralStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A plain map standing in for the kernel's store; it remembers the last TTL for assertions. */
final class MapEphemeralStore implements EphemeralStore {

    final Map<String, String> values = new HashMap<>();
    Duration lastTtl;

    @Override
    public void put(String key, String value, Duration ttl) {
        values.put(key, value);
        lastTtl = ttl;
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        lastTtl = ttl;
        return values.putIfAbsent(key, value) == null;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(values.remove(key));
    }

    @Override
    public void delete(String key) {
        values.remove(key);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public String kind() {
        return "map";
    }
}

package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.EphemeralStore;
import jakarta.json.bind.Jsonb;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The devices a user logged in from: one store entry per user, {@code session-devices:<user id>},
 * mapping the SHA-256 of each device cookie to when it was last used, living for the known-device
 * lifetime after the user's last login. At most {@value #MAX_PER_USER} devices: the least
 * recently used is forgotten first. Two logins of one user at the same moment may lose one
 * device (the entry is read, changed and written): it then counts as new once more.
 */
final class KnownDevices {

    static final String PREFIX = "session-devices:";
    static final int MAX_PER_USER = 32;

    /** The JSON form of the entry. */
    public record Entry(Map<String, Long> devices) {
    }

    private final EphemeralStore store;
    private final Jsonb jsonb;

    KnownDevices(EphemeralStore store, Jsonb jsonb) {
        this.store = store;
        this.jsonb = jsonb;
    }

    /** The user's known devices: device key to the epoch second of its last login. */
    Map<String, Long> of(UUID userId) {
        return store.get(PREFIX + userId)
                .map(json -> jsonb.fromJson(json, Entry.class).devices())
                .map(devices -> (Map<String, Long>) new HashMap<>(devices))
                .orElseGet(HashMap::new);
    }

    /** Records a login from {@code deviceKey} in {@code known} (as read by {@link #of}) and stores it. */
    void remember(UUID userId, Map<String, Long> known, String deviceKey, Instant now, Duration lifetime) {
        Map<String, Long> devices = new HashMap<>(known);
        devices.put(deviceKey, now.getEpochSecond());
        while (devices.size() > MAX_PER_USER) {
            devices.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .map(Map.Entry::getKey).ifPresent(devices::remove);
        }
        store.put(PREFIX + userId, jsonb.toJson(new Entry(devices)), lifetime);
    }
}

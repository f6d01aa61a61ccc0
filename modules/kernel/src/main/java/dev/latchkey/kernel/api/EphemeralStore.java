package dev.latchkey.kernel.api;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A short-lived key-value store shared by every node: sessions, pending authorization
 * requests, replay guards. In-process on the embedded default; Redis when
 * {@code LATCHKEY_REDIS_URL} is set, so that every node sees the same entries.
 * Keys are namespaced by the caller ({@code "session:"}, {@code "interaction:"}).
 *
 * <p>Every method except {@link #isAvailable} and {@link #kind} throws
 * {@link EphemeralStoreUnavailableException} while Redis does not answer.
 */
public interface EphemeralStore {

    /** Stores a value that expires after {@code ttl}, replacing any previous one. */
    void put(String key, String value, Duration ttl);

    /** Stores a value only if the key is absent; true when this call stored it. */
    boolean putIfAbsent(String key, String value, Duration ttl);

    /** The live value of a key. */
    Optional<String> get(String key);

    /** Reads and deletes a key atomically: of two concurrent callers, at most one gets the value. */
    Optional<String> take(String key);

    /** Deletes a key; nothing happens when it is absent. */
    void delete(String key);

    /**
     * Adds {@code member} to the set at {@code key} and sets the whole set's time to live to
     * {@code ttl}, both at once (Redis {@code SADD} + {@code PEXPIRE} in one script).
     */
    void addToSet(String key, String member, Duration ttl);

    /** Removes {@code member} from the set at {@code key}; true when this call removed it (Redis {@code SREM}). */
    boolean removeFromSet(String key, String member);

    /** The members of the set at {@code key}; empty when there is none or it expired (Redis {@code SMEMBERS}). */
    Set<String> members(String key);

    /** True when the store answers (for the readiness check). */
    boolean isAvailable();

    /** A short name of the backing store, for health output: {@code in-process} or {@code redis}. */
    String kind();
}

package dev.latchkey.oauth.internal.protocol;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests waiting on a page for the user's answer (consent, logout confirmation), as JSON in the
 * ephemeral store under the SHA-256 of a random id (the page's only reference to the request),
 * for a time to live. Taking a request out is atomic, so it is answered once, on any node; a
 * replayed form finds nothing.
 *
 * @param <T> the request, a record JSON-B can write and read
 */
public class WaitingRequests<T> {

    /** The longest id looked up: {@link SecureTokens#newToken()} makes 43 characters. */
    public static final int MAX_ID_LENGTH = 64;

    private final Jsonb jsonb = JsonbBuilder.create();
    private final EphemeralStore store;
    private final String keyPrefix;
    private final Duration ttl;
    private final Class<T> type;

    public WaitingRequests(EphemeralStore store, String keyPrefix, Duration ttl, Class<T> type) {
        this.store = store;
        this.keyPrefix = keyPrefix;
        this.ttl = ttl;
        this.type = type;
    }

    /** Keeps the request; the id to send the browser to the page with. */
    public String open(T request) {
        String id = SecureTokens.newToken();
        store.put(key(id), jsonb.toJson(request), ttl);
        return id;
    }

    /** The waiting request of an id; empty when unknown, expired, answered or not an id at all. */
    public Optional<T> find(String id) {
        return wellFormed(id) ? store.get(key(id)).map(this::read) : Optional.empty();
    }

    /** Removes and returns the request; present for exactly one caller, the one that answers it. */
    public Optional<T> take(String id) {
        return wellFormed(id) ? store.take(key(id)).map(this::read) : Optional.empty();
    }

    private T read(String json) {
        return jsonb.fromJson(json, type);
    }

    private static boolean wellFormed(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    }

    private String key(String id) {
        return keyPrefix + SecureTokens.hash(id);
    }
}

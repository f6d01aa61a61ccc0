package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.Optional;

/**
 * The requests waiting on the consent page, in the ephemeral store under the SHA-256 of a random
 * request id (the page's only reference to the request) for {@link #TTL}. A decision takes the
 * request out atomically, so one request is decided once, on any node.
 */
final class PendingConsents {

    /** How long the consent page may stay open before its request is forgotten. */
    static final Duration TTL = Duration.ofMinutes(15);
    /** The longest request id looked up: {@link SecureTokens#newToken()} makes 43 characters. */
    static final int MAX_ID_LENGTH = 64;
    private static final String KEY_PREFIX = "oauth:consent_request:";

    private final Jsonb jsonb = JsonbBuilder.create();
    private final EphemeralStore store;

    PendingConsents(EphemeralStore store) {
        this.store = store;
    }

    /** Keeps the request; the id to send the browser to the consent page with. */
    String open(PendingConsent pending) {
        String id = SecureTokens.newToken();
        store.put(key(id), jsonb.toJson(pending), TTL);
        return id;
    }

    /** The waiting request of an id; empty when unknown, expired, decided or not an id at all. */
    Optional<PendingConsent> find(String id) {
        if (!wellFormed(id)) {
            return Optional.empty();
        }
        return store.get(key(id)).map(json -> jsonb.fromJson(json, PendingConsent.class));
    }

    /** Removes the request; true for exactly one caller, the one that decides it. */
    boolean take(String id) {
        return wellFormed(id) && store.take(key(id)).isPresent();
    }

    private static boolean wellFormed(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_ID_LENGTH;
    }

    private static String key(String id) {
        return KEY_PREFIX + SecureTokens.hash(id);
    }
}

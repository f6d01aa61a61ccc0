package dev.latchkey.identity.internal.login;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps logins between steps in the {@link EphemeralStore}, so that any node can take the next
 * submission. The flow id is a random bearer token given to the browser; only its SHA-256 is a
 * key ({@code login-flow:<hash>}), so a reader of the store cannot resume someone's login.
 * A submission takes the entry atomically: of two concurrent submissions only one proceeds.
 */
@ApplicationScoped
public class PendingLogins {

    /** How long a login may wait between its password and its last step. */
    public static final Duration TIME_TO_LIVE = Duration.ofMinutes(10);

    private static final String KEY_PREFIX = "login-flow:";
    private EphemeralStore store;
    private static final Logger LOG = Logger.getLogger(PendingLogins.class.getName());

    private Jsonb jsonb;

    @Inject
    public PendingLogins(EphemeralStore store) {
        this.store = store;
        this.jsonb = JsonbBuilder.create();
    }

    /** For CDI's client proxy only. */
    protected PendingLogins() {
    }

    /** Stores a new pending login and returns its flow id. */
    public String start(PendingLogin login) {
        String flowId = SecureTokens.newToken();
        store.put(key(flowId), jsonb.toJson(login), TIME_TO_LIVE);
        return flowId;
    }

    /** Removes and returns the pending login of a flow id, when it exists and has not expired. */
    public Optional<PendingLogin> take(String flowId, Instant now) {
        if (flowId == null || flowId.isEmpty()) {
            return Optional.empty();
        }
        return store.take(key(flowId)).flatMap(this::read).filter(login -> login.expiresAt().isAfter(now));
    }

    /** Stores a pending login again under its flow id until its original expiry. */
    public void keep(String flowId, PendingLogin login, Instant now) {
        Duration left = Duration.between(now, login.expiresAt());
        if (!left.isNegative() && !left.isZero()) {
            store.put(key(flowId), jsonb.toJson(login), left);
        }
    }

    private Optional<PendingLogin> read(String json) {
        try {
            return Optional.of(jsonb.fromJson(json, PendingLogin.class));
        } catch (JsonbException e) {
            LOG.warning(() -> "Dropped an unreadable pending login: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static String key(String flowId) {
        return KEY_PREFIX + SecureTokens.hash(flowId);
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // a JSON-B instance holds no resource worth failing a shutdown for
            LOG.fine(() -> "Closing JSON-B failed: " + e);
        }
    }
}

package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The deny-list of revoked access tokens in the kernel's {@link EphemeralStore} (Redis when
 * configured, so every node sees it): single tokens by {@code jti} under
 * {@code revoked-jti:<jti>}, each kept as long as its token would have lived, and whole grants by
 * the refresh-token family their tokens name ({@link AccessTokens#GRANT_ID}) under
 * {@code revoked-grant:<family id>}, kept for the longest lifetime an access token can have (any client's).
 *
 * <p>Reading the store is a Redis round trip, so answers are remembered on the node: a revoked
 * {@code jti} until its token expires (revocation is final), a not-revoked one for
 * {@link #RECHECK}. The trade-off: a token revoked on <em>another</em> node may still be accepted
 * here for up to {@link #RECHECK}; on the node that revoked it, it is refused at once. RFC 7009
 * §2 allows such a propagation delay and asks to keep it small; one second keeps a busy token at
 * one store read per second per node instead of one per request. Callers check only tokens whose
 * signature already verified, so forged tokens never reach the store.
 *
 * <p>When the store does not answer, a question this node cannot answer from memory throws
 * {@link dev.latchkey.kernel.api.EphemeralStoreUnavailableException} (503): the deny-list fails
 * closed, since a revoked token must not pass while Redis is away. A revocation likewise fails
 * instead of being remembered on this node only.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@ApplicationScoped
public class RevokedAccessTokens {

    static final String PREFIX = "revoked-jti:";
    static final String GRANT_PREFIX = "revoked-grant:";
    /** How long a "not revoked" answer is trusted on this node. */
    static final Duration RECHECK = Duration.ofSeconds(1);
    static final int MAX_ENTRIES = 10_000;

    private final ExpiringCache<String, Boolean> revoked = new ExpiringCache<>(MAX_ENTRIES);
    private final ExpiringCache<String, Boolean> notRevoked = new ExpiringCache<>(MAX_ENTRIES);
    private EphemeralStore store;
    private Clock clock;

    @Inject
    public RevokedAccessTokens(EphemeralStore store) {
        this(store, Clock.systemUTC());
    }

    public RevokedAccessTokens(EphemeralStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected RevokedAccessTokens() {
    }

    /** Denies the token {@code jwtId} until it expires at {@code expiresAt}; nothing when it has expired. */
    public void revoke(String jwtId, Instant expiresAt) {
        deny(PREFIX + jwtId, expiresAt);
    }

    /**
     * Denies every access token issued with the refresh-token family {@code grantId} until
     * {@code until}, the latest expiry of a token issued with it so far.
     */
    public void revokeGrant(UUID grantId, Instant until) {
        deny(GRANT_PREFIX + grantId, until);
    }

    /** Whether the token {@code jwtId} (which expires at {@code expiresAt}) was revoked. */
    public boolean isRevoked(String jwtId, Instant expiresAt) {
        return denied(PREFIX + jwtId, expiresAt);
    }

    /** Whether the grant {@code grantId} of a token that expires at {@code expiresAt} was revoked. */
    public boolean isGrantRevoked(String grantId, Instant expiresAt) {
        return denied(GRANT_PREFIX + grantId, expiresAt);
    }

    private void deny(String key, Instant expiresAt) {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            return;
        }
        // whole seconds, rounded up: Redis refuses a zero expiry and a later one is harmless
        long seconds = Math.max(1, (Duration.between(now, expiresAt).toMillis() + 999) / 1000);
        store.put(key, "1", Duration.ofSeconds(seconds));
        revoked.put(key, Boolean.TRUE, expiresAt, now);
        notRevoked.remove(key);
    }

    /**
     * The revoked answers are looked at first, so a "not revoked" read racing a revocation on
     * this node cannot hide it.
     */
    private boolean denied(String key, Instant expiresAt) {
        Instant now = clock.instant();
        if (revoked.get(key, now).isPresent()) {
            return true;
        }
        if (notRevoked.get(key, now).isPresent()) {
            return false;
        }
        if (store.get(key).isPresent()) {
            revoked.put(key, Boolean.TRUE, expiresAt, now);
            return true;
        }
        Instant recheck = now.plus(RECHECK);
        notRevoked.put(key, Boolean.FALSE, recheck.isBefore(expiresAt) ? recheck : expiresAt, now);
        return false;
    }
}

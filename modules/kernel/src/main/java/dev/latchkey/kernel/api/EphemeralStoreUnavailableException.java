package dev.latchkey.kernel.api;

/**
 * The {@link EphemeralStore} does not answer: Redis is stopped, unreachable, too slow (longer
 * than {@code latchkey.redis.timeout}) or refuses the configured credentials. Every store method
 * may throw it; callers let it pass, so nothing half-done is kept in their own state, and the
 * server answers 503 (a page for browsers, RFC 6749 {@code temporarily_unavailable} on the OAuth
 * endpoints, a problem on the REST API). The store recovers by itself when Redis answers again.
 */
public class EphemeralStoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EphemeralStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

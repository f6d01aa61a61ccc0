package dev.latchkey.session.api;

/**
 * Thrown by {@link SsoSessions#start} under the limit policy {@code refuse} when the user already
 * has as many live sessions as {@code latchkey.session.max-per-user} allows: the login is refused
 * and no session is started.
 */
public class SessionLimitReachedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int limit;

    public SessionLimitReachedException(int limit) {
        super("The user already has " + limit + " sessions, the most allowed");
        this.limit = limit;
    }

    /** The most sessions a user may have at once. */
    public int limit() {
        return limit;
    }
}

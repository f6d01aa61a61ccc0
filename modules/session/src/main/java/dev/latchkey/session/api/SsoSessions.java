package dev.latchkey.session.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Starts, resolves, lists and ends single-sign-on sessions. */
public interface SsoSessions {

    /**
     * Starts a session for a user who just logged in, or renews the browser's session.
     * When {@code currentCookieValue} (nullable) is a live session of the same user, that session
     * is rotated: the SAME id, a NEW cookie value (the old one stops working), the login's time,
     * methods and class. A live session of another user is ended ({@link SessionEndReason#REPLACED})
     * and a new one started. A new session counts against {@code latchkey.session.max-per-user}.
     *
     * @throws SessionLimitReachedException under the limit policy {@code refuse}, when the user has
     *                                      as many sessions as allowed; nothing was started or ended
     */
    StartedSession start(NewSession login, String currentCookieValue);

    /** The live session a cookie value points at, its idle timer reset; empty when expired or unknown. */
    Optional<SsoSession> resolve(String cookieValue);

    /**
     * True while the session of this id (its public {@link SsoSession#id()}) lives: it was neither
     * ended nor expired (idle or absolute timeout). What is bound to a session asks this.
     */
    boolean isActive(String sessionId);

    /** The live session of this public id, without resetting its idle timer; empty when none. */
    Optional<SsoSession> find(String sessionId);

    /** Records that {@code clientId} got a code or tokens in the session; nothing happens when it is not live. */
    void bindClient(String sessionId, String clientId);

    /** The user's live sessions, newest first. */
    List<SsoSession> listForUser(UUID userId);

    /** Ends the session a cookie value points at ({@link SessionEndReason#LOGOUT}); nothing happens when there is none. */
    void end(String cookieValue);

    /** Ends the session of this public id; false when no such session lives. */
    boolean end(String sessionId, SessionEndReason reason);

    /**
     * Ends the session of this public id only when it is one of {@code userId}'s: what a user or an
     * admin acting for a user may end. False when that user has no live session of this id.
     */
    default boolean end(UUID userId, String sessionId, SessionEndReason reason) {
        return sessionId != null && find(sessionId).filter(session -> session.userId().equals(userId)).isPresent()
                && end(sessionId, reason);
    }

    /** Ends every live session of the user; returns how many ended. */
    int endAllForUser(UUID userId, SessionEndReason reason);

    /** The name of the session cookie ({@code __Host-} prefixed where the browser allows it). */
    String cookieName();

    /** True when cookies must carry {@code Secure}: https, or a loopback host, which browsers treat as secure. */
    boolean cookieSecure();

    /** The name of the long-lived device cookie ({@code __Host-} prefixed where the browser allows it). */
    String deviceCookieName();

    /** How long the device cookie lives, and a device stays known for its user. */
    Duration deviceCookieLifetime();
}

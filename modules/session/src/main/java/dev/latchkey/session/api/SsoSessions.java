package dev.latchkey.session.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Starts, resolves and ends single-sign-on sessions. */
public interface SsoSessions {

    /** Starts a session for a user who just authenticated. */
    StartedSession start(UUID userId, List<String> authenticationMethods, Instant authenticatedAt);

    /** The live session a cookie value points at, its idle timer reset; empty when expired or unknown. */
    Optional<SsoSession> resolve(String cookieValue);

    /**
     * True while the session of this id (its public {@link SsoSession#id()}) lives: it was neither
     * ended nor expired (idle or absolute timeout). What is bound to a session asks this.
     */
    boolean isActive(String sessionId);

    /** Ends the session a cookie value points at; nothing happens when there is none. */
    void end(String cookieValue);

    /** The name of the session cookie ({@code __Host-} prefixed where the browser allows it). */
    String cookieName();

    /** True when cookies must carry {@code Secure}: https, or a loopback host, which browsers treat as secure. */
    boolean cookieSecure();
}

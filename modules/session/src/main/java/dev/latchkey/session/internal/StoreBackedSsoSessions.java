package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in the kernel's ephemeral store, keyed by the SHA-256 of the cookie value: a dump
 * of Redis yields no usable cookie. Each entry lives for the idle timeout, renewed on use
 * (at most once a minute, to spare the store), and never past the absolute lifetime.
 */
@ApplicationScoped
class StoreBackedSsoSessions implements SsoSessions {

    static final String KEY_PREFIX = "session:";
    /** A live session's id, kept for as long as the session, so that what is bound to it can ask. */
    static final String ID_PREFIX = "session-id:";
    private static final String ALIVE = "1";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String COOKIE_BASE_NAME = "latchkey_session";

    private final Jsonb jsonb = JsonbBuilder.create();
    private EphemeralStore store;
    private SessionSettings settings;
    private Event<SessionStarted> started;
    private Event<SessionEnded> ended;
    private Clock clock;

    @Inject
    StoreBackedSsoSessions(EphemeralStore store, SessionSettings settings, Event<SessionStarted> started,
                           Event<SessionEnded> ended) {
        this(store, settings, started, ended, Clock.systemUTC());
    }

    StoreBackedSsoSessions(EphemeralStore store, SessionSettings settings, Event<SessionStarted> started,
                           Event<SessionEnded> ended, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.started = started;
        this.ended = ended;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    StoreBackedSsoSessions() {
    }

    @Override
    public StartedSession start(UUID userId, List<String> authenticationMethods, Instant authenticatedAt) {
        Instant now = clock.instant();
        String cookieValue = SecureTokens.newToken();
        SsoSession session = new SsoSession(SecureTokens.newToken(16), userId, authenticatedAt,
                authenticationMethods, now, now);
        save(cookieValue, session);
        started.fire(SessionStarted.now(session.id(), userId));
        return new StartedSession(session, cookieValue);
    }

    @Override
    public Optional<SsoSession> resolve(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 128) {
            return Optional.empty();
        }
        Optional<SsoSession> found = store.get(key(cookieValue))
                .map(json -> jsonb.fromJson(json, StoredSession.class).toSession());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SsoSession session = found.get();
        Instant now = clock.instant();
        if (!session.createdAt().plus(settings.maxLifetime()).isAfter(now)) {
            store.delete(key(cookieValue));
            store.delete(ID_PREFIX + session.id());
            return Optional.empty();
        }
        if (!session.lastSeenAt().plus(TOUCH_INTERVAL).isAfter(now)) {
            session = new SsoSession(session.id(), session.userId(), session.authenticatedAt(),
                    session.authenticationMethods(), session.createdAt(), now);
            save(cookieValue, session);
        }
        return Optional.of(session);
    }

    @Override
    public boolean isActive(String sessionId) {
        return sessionId != null && !sessionId.isBlank() && sessionId.length() <= 128
                && store.get(ID_PREFIX + sessionId).isPresent();
    }

    @Override
    public void end(String cookieValue) {
        if (cookieValue == null || cookieValue.isBlank() || cookieValue.length() > 128) {
            return;
        }
        store.take(key(cookieValue))
                .map(json -> jsonb.fromJson(json, StoredSession.class))
                .map(session -> {
                    store.delete(ID_PREFIX + session.id());
                    return session;
                })
                .ifPresent(session -> ended.fire(SessionEnded.now(session.id(), UUID.fromString(session.userId()))));
    }

    @Override
    public String cookieName() {
        return CookieNames.name(COOKIE_BASE_NAME, settings.secureCookies());
    }

    @Override
    public boolean cookieSecure() {
        return settings.secureCookies();
    }

    private void save(String cookieValue, SsoSession session) {
        Duration untilAbsoluteEnd = Duration.between(clock.instant(), session.createdAt().plus(settings.maxLifetime()));
        Duration ttl = untilAbsoluteEnd.compareTo(settings.idleTimeout()) < 0 ? untilAbsoluteEnd : settings.idleTimeout();
        store.put(key(cookieValue), jsonb.toJson(StoredSession.of(session)), ttl);
        store.put(ID_PREFIX + session.id(), ALIVE, ttl);
    }

    private static String key(String cookieValue) {
        return KEY_PREFIX + SecureTokens.hash(cookieValue);
    }
}

package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.LoginDevice;
import dev.latchkey.session.api.NewSession;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.SessionLimitReachedException;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.NewDeviceLogin;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionLimitReached;
import dev.latchkey.session.events.SessionStarted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Sessions in the kernel's ephemeral store (see the package documentation of
 * {@code dev.latchkey.session} for the keys). The cookie value is kept only as its SHA-256: a
 * dump of Redis yields no usable cookie. A session lives for the idle timeout, renewed on use (at
 * most once a minute, to spare the store), and never past the absolute lifetime from its start.
 *
 * <p>Expiry is noticed lazily: the store drops an expired session by itself (Redis TTL, the
 * in-process store's sweep), silently. Whoever next reads it finds nothing ({@link #resolve},
 * {@link #isActive}); a session this node's clock finds expired while the store still holds it is
 * ended there and then; and a user's index still naming a session that is gone is pruned at that
 * user's next login or listing. The last two publish {@link SessionEnded} with
 * {@link SessionEndReason#EXPIRED}.
 */
@ApplicationScoped
class StoreBackedSsoSessions implements SsoSessions {

    /** {@code session:<id>}: the session's JSON. */
    static final String SESSION_PREFIX = "session:";
    /** {@code session-cookie:<sha256(cookie value)>}: the id of the session the cookie opens. */
    static final String COOKIE_PREFIX = "session-cookie:";
    /** {@code session-clients:<id>}: the set of clients bound to the session. */
    static final String CLIENTS_PREFIX = "session-clients:";
    /** {@code session-user:<user id>}: the set of the user's session ids. */
    static final String USER_PREFIX = "session-user:";

    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);
    private static final String COOKIE_BASE_NAME = "latchkey_session";
    private static final String DEVICE_COOKIE_BASE_NAME = "latchkey_device";
    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_USER_AGENT_LENGTH = 512;
    /** What {@link SecureTokens#newToken()} makes; any other device cookie is replaced. */
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Jsonb jsonb = JsonbBuilder.create();
    private EphemeralStore store;
    private SessionSettings settings;
    private SessionEvents events;
    private KnownDevices knownDevices;
    private Clock clock;

    @Inject
    StoreBackedSsoSessions(EphemeralStore store, SessionSettings settings, SessionEvents events) {
        this(store, settings, events, Clock.systemUTC());
    }

    StoreBackedSsoSessions(EphemeralStore store, SessionSettings settings, SessionEvents events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.events = events;
        this.knownDevices = new KnownDevices(store, jsonb);
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    StoreBackedSsoSessions() {
    }

    @Override
    public StartedSession start(NewSession login, String currentCookieValue) {
        Instant now = clock.instant();
        LoginDevice device = login.device();
        boolean deviceCookieValid = device.deviceId() != null && DEVICE_ID.matcher(device.deviceId()).matches();
        String deviceId = deviceCookieValid ? device.deviceId() : SecureTokens.newToken();
        String userAgent = device.userAgent().length() > MAX_USER_AGENT_LENGTH
                ? device.userAgent().substring(0, MAX_USER_AGENT_LENGTH) : device.userAgent();
        String cookieValue = SecureTokens.newToken();
        String cookieHash = SecureTokens.hash(cookieValue);
        Optional<StoredSession> current = byCookie(currentCookieValue);

        SsoSession session;
        int others;
        if (current.isPresent() && current.get().user().equals(login.userId())) {
            // a new login in the same session (re-login, step-up): same id, new cookie value
            StoredSession rotated = current.get();
            store.delete(COOKIE_PREFIX + rotated.cookieHash());
            session = new SsoSession(rotated.id(), login.userId(), login.authenticatedAt(),
                    login.authenticationMethods(), login.acr(), rotated.created(), now, clientsOf(rotated.id()),
                    device.ipAddress(), userAgent, DeviceLabels.of(userAgent), deviceHash(deviceId, userAgent));
            save(StoredSession.of(session, cookieHash));
            others = (int) listForUser(login.userId()).stream().filter(other -> !other.id().equals(rotated.id())).count();
        } else {
            List<SsoSession> live = listForUser(login.userId());
            int beyondLimit = beyondLimit(login.userId(), live.size());
            current.ifPresent(other -> endStored(other, SessionEndReason.REPLACED));
            live.stream().sorted(Comparator.comparing(SsoSession::createdAt)).limit(beyondLimit)
                    .forEach(oldest -> end(oldest.id(), SessionEndReason.LIMIT_REACHED));
            session = new SsoSession(SecureTokens.newToken(16), login.userId(), login.authenticatedAt(),
                    login.authenticationMethods(), login.acr(), now, now, Set.of(), device.ipAddress(), userAgent,
                    DeviceLabels.of(userAgent), deviceHash(deviceId, userAgent));
            save(StoredSession.of(session, cookieHash));
            store.addToSet(USER_PREFIX + login.userId(), session.id(), settings.maxLifetime());
            others = live.size() - beyondLimit;
            events.started(SessionStarted.now(session.id(), login.userId(), session.deviceLabel(),
                    session.ipAddress()));
        }
        noticeDevice(session, deviceId, others, now);
        return new StartedSession(session, cookieValue, deviceId);
    }

    /**
     * How many of the user's {@code live} sessions must end to make room for one more; throws
     * under the policy {@code refuse} when any would have to.
     */
    private int beyondLimit(UUID userId, int live) {
        int limit = settings.maxPerUser();
        if (limit == 0 || live < limit) {
            return 0;
        }
        events.limitReached(SessionLimitReached.now(userId, limit, settings.limitPolicy().configValue()));
        if (settings.limitPolicy() == LimitPolicy.REFUSE) {
            throw new SessionLimitReachedException(limit);
        }
        return live - limit + 1;
    }

    /**
     * Publishes {@link NewDeviceLogin} when the device is not known for the user while the user has
     * other live sessions or known devices; then the device is known. A browser without a device
     * cookie has a new {@code deviceId}, so it is new by definition.
     */
    private void noticeDevice(SsoSession session, String deviceId, int otherLiveSessions, Instant now) {
        Map<String, Long> known = knownDevices.of(session.userId());
        String deviceKey = SecureTokens.hash(deviceId);
        if (!known.containsKey(deviceKey) && (otherLiveSessions > 0 || !known.isEmpty())) {
            events.newDevice(NewDeviceLogin.now(session.userId(), session.id(), session.deviceLabel(),
                    session.ipAddress(), otherLiveSessions));
        }
        knownDevices.remember(session.userId(), known, deviceKey, now, settings.knownDeviceLifetime());
    }

    @Override
    public Optional<SsoSession> resolve(String cookieValue) {
        Optional<StoredSession> found = byCookie(cookieValue);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        Instant now = clock.instant();
        if (!session.lastSeen().plus(TOUCH_INTERVAL).isAfter(now)) {
            session = session.seenAt(now);
            save(session);
        }
        return Optional.of(session.toSession(clientsOf(session.id())));
    }

    @Override
    public boolean isActive(String sessionId) {
        return byId(sessionId).isPresent();
    }

    @Override
    public Optional<SsoSession> find(String sessionId) {
        return byId(sessionId).map(session -> session.toSession(clientsOf(session.id())));
    }

    @Override
    public void bindClient(String sessionId, String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_ID_LENGTH) {
            return;
        }
        byId(sessionId).ifPresent(session -> store.addToSet(CLIENTS_PREFIX + session.id(), clientId,
                untilAbsoluteEnd(session)));
    }

    @Override
    public List<SsoSession> listForUser(UUID userId) {
        List<SsoSession> live = new ArrayList<>();
        for (String id : store.members(USER_PREFIX + userId)) {
            Optional<String> json = store.get(SESSION_PREFIX + id);
            if (json.isEmpty()) {
                prune(userId, id);
                continue;
            }
            StoredSession session = jsonb.fromJson(json.get(), StoredSession.class);
            if (expired(session)) {
                endStored(session, SessionEndReason.EXPIRED);
            } else {
                live.add(session.toSession(clientsOf(id)));
            }
        }
        live.sort(Comparator.comparing(SsoSession::createdAt).reversed());
        return live;
    }

    @Override
    public void end(String cookieValue) {
        byCookie(cookieValue).ifPresent(session -> endStored(session, SessionEndReason.LOGOUT));
    }

    @Override
    public boolean end(String sessionId, SessionEndReason reason) {
        return byId(sessionId).map(session -> endStored(session, reason)).orElse(false);
    }

    @Override
    public int endAllForUser(UUID userId, SessionEndReason reason) {
        return (int) listForUser(userId).stream().filter(session -> end(session.id(), reason)).count();
    }

    @Override
    public String cookieName() {
        return CookieNames.name(COOKIE_BASE_NAME, settings.secureCookies());
    }

    @Override
    public boolean cookieSecure() {
        return settings.secureCookies();
    }

    @Override
    public String deviceCookieName() {
        return CookieNames.name(DEVICE_COOKIE_BASE_NAME, settings.secureCookies());
    }

    @Override
    public Duration deviceCookieLifetime() {
        return settings.knownDeviceLifetime();
    }

    /** The live session a cookie value opens now (not one rotated away); an expired one is ended. */
    private Optional<StoredSession> byCookie(String cookieValue) {
        if (!plausible(cookieValue)) {
            return Optional.empty();
        }
        String cookieHash = SecureTokens.hash(cookieValue);
        return store.get(COOKIE_PREFIX + cookieHash)
                .flatMap(this::byId)
                .filter(session -> session.cookieHash().equals(cookieHash));
    }

    /** The live session of an id; one this node's clock finds expired is ended (EXPIRED). */
    private Optional<StoredSession> byId(String sessionId) {
        if (!plausible(sessionId)) {
            return Optional.empty();
        }
        Optional<StoredSession> found = store.get(SESSION_PREFIX + sessionId)
                .map(json -> jsonb.fromJson(json, StoredSession.class));
        if (found.isPresent() && expired(found.get())) {
            endStored(found.get(), SessionEndReason.EXPIRED);
            return Optional.empty();
        }
        return found;
    }

    /**
     * Ends a session once: of two concurrent calls only the one that takes the session's entry
     * publishes {@link SessionEnded}. The user's index is updated first, so that a concurrent
     * {@link #prune} does not report the session as expired.
     */
    private boolean endStored(StoredSession session, SessionEndReason reason) {
        store.removeFromSet(USER_PREFIX + session.userId(), session.id());
        if (store.take(SESSION_PREFIX + session.id()).isEmpty()) {
            return false;
        }
        store.delete(COOKIE_PREFIX + session.cookieHash());
        events.ended(SessionEnded.now(session.id(), session.user(), reason, takeClients(session.id())));
        return true;
    }

    /** A session the user's index names but the store no longer has: it expired, which is reported once. */
    private void prune(UUID userId, String sessionId) {
        if (store.removeFromSet(USER_PREFIX + userId, sessionId)) {
            events.ended(SessionEnded.now(sessionId, userId, SessionEndReason.EXPIRED, takeClients(sessionId)));
        }
    }

    private Set<String> takeClients(String sessionId) {
        Set<String> clients = clientsOf(sessionId);
        store.delete(CLIENTS_PREFIX + sessionId);
        return clients;
    }

    private Set<String> clientsOf(String sessionId) {
        return store.members(CLIENTS_PREFIX + sessionId);
    }

    private boolean expired(StoredSession session) {
        Instant now = clock.instant();
        return !session.lastSeen().plus(settings.idleTimeout()).isAfter(now)
                || !session.created().plus(settings.maxLifetime()).isAfter(now);
    }

    private Duration untilAbsoluteEnd(StoredSession session) {
        return Duration.between(clock.instant(), session.created().plus(settings.maxLifetime()));
    }

    /** Stores the session and its cookie's pointer for the idle timeout, never past the absolute end. */
    private void save(StoredSession session) {
        Duration untilAbsoluteEnd = untilAbsoluteEnd(session);
        Duration ttl = untilAbsoluteEnd.compareTo(settings.idleTimeout()) < 0 ? untilAbsoluteEnd : settings.idleTimeout();
        store.put(SESSION_PREFIX + session.id(), jsonb.toJson(session), ttl);
        store.put(COOKIE_PREFIX + session.cookieHash(), session.id(), ttl);
    }

    private static String deviceHash(String deviceId, String userAgent) {
        return SecureTokens.hash(deviceId + "\n" + userAgent);
    }

    private static boolean plausible(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_ID_LENGTH;
    }
}

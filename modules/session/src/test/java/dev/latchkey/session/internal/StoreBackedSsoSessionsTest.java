package dev.latchkey.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.session.api.LoginDevice;
import dev.latchkey.session.api.NewSession;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.SessionLimitReachedException;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.NewDeviceLogin;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionLimitReached;
import dev.latchkey.session.events.SessionStarted;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreBackedSsoSessionsTest {

    private static final Instant T0 = TestClock.START;
    private static final UUID USER = UUID.fromString("0193a1b2-0000-7000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("0193a1b2-0000-7000-8000-000000000002");

    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final RecordingEvent<SessionStarted> started = new RecordingEvent<>();
    private final RecordingEvent<SessionEnded> ended = new RecordingEvent<>();
    private final RecordingEvent<SessionLimitReached> limitReached = new RecordingEvent<>();
    private final RecordingEvent<NewDeviceLogin> newDevices = new RecordingEvent<>();

    static SessionSettings settings(String publicUrl, int maxPerUser, String policy) {
        return new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(10), maxPerUser, policy,
                Duration.ofDays(365), new FixedServer(publicUrl));
    }

    private StoreBackedSsoSessions sessions(String publicUrl) {
        return sessions(publicUrl, store);
    }

    private StoreBackedSsoSessions sessions(String publicUrl, EphemeralStore store) {
        return new StoreBackedSsoSessions(store, settings(publicUrl, 0, "end-oldest"),
                new SessionEvents(started, ended, limitReached, newDevices), clock);
    }

    private StoreBackedSsoSessions limited(int maxPerUser, String policy) {
        return new StoreBackedSsoSessions(store, settings("http://localhost:9080", maxPerUser, policy),
                new SessionEvents(started, ended, limitReached, newDevices), clock);
    }

    static NewSession login(UUID userId) {
        return login(userId, null);
    }

    static NewSession login(UUID userId, String deviceId) {
        return new NewSession(userId, List.of("pwd"), null, T0, new LoginDevice("192.0.2.7",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                deviceId));
    }

    private static String sessionKey(StartedSession session) {
        return StoreBackedSsoSessions.SESSION_PREFIX + session.session().id();
    }

    private static String cookieKey(String cookieValue) {
        return StoreBackedSsoSessions.COOKIE_PREFIX + SecureTokens.hash(cookieValue);
    }

    @Test
    void startThenResolveReturnsTheSessionAndStoresOnlyTheHash() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);

        SsoSession resolved = sessions.resolve(startedSession.cookieValue()).orElseThrow();

        assertEquals(USER, resolved.userId());
        assertEquals(List.of("pwd"), resolved.authenticationMethods());
        assertEquals(startedSession.session().id(), resolved.id());
        assertNotEquals(startedSession.cookieValue(), resolved.id());
        assertEquals("Chrome on Linux", resolved.deviceLabel());
        assertEquals("192.0.2.7", resolved.ipAddress());
        assertEquals(T0, resolved.createdAt());
        assertEquals(Set.of("session:" + startedSession.session().id(),
                "session-cookie:" + SecureTokens.hash(startedSession.cookieValue()),
                "session-user:" + USER, "session-devices:" + USER), store.keys());
        assertFalse(store.keys().stream().anyMatch(key -> key.contains(startedSession.cookieValue())));
        assertEquals(1, started.fired().size());
        assertEquals(Optional.of(Duration.ofMinutes(30)), store.ttl(sessionKey(startedSession)));
        assertEquals(Optional.of(Duration.ofMinutes(30)), store.ttl(cookieKey(startedSession.cookieValue())));
    }

    @Test
    void resolveWhenCookieUnknownMalformedOrOversizedThenEmpty() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        assertTrue(sessions.resolve("no-such-session").isEmpty());
        assertTrue(sessions.resolve(null).isEmpty());
        assertTrue(sessions.resolve(" ").isEmpty());
        assertTrue(sessions.resolve("x".repeat(129)).isEmpty());
    }

    @Test
    void resolveWhenAbsoluteLifetimeReachedThenEmptyAndDeleted() {
        // the store (Redis, on its own clock) still holds the entry when this node's clock says
        // the absolute lifetime is over, as with clocks apart: the node itself ends the session
        TestClock storeClock = new TestClock();
        RecordingEphemeralStore lagging = new RecordingEphemeralStore(storeClock);
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080", lagging);
        String cookie = sessions.start(login(USER), null).cookieValue();

        clock.advance(Duration.ofHours(10));

        assertTrue(sessions.resolve(cookie).isEmpty());
        assertEquals(Set.of("session-devices:" + USER), lagging.keys());
        assertEquals(SessionEndReason.EXPIRED, ended.fired().get(0).reason());
    }

    @Test
    void resolveAfterAMinuteRenewsTheIdleTimerButNotBeyondTheAbsoluteEnd() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);
        String cookie = startedSession.cookieValue();
        // an active user, seen every 20 minutes (within the 30-minute idle timeout) until 9 h 40
        for (int i = 0; i < 29; i++) {
            clock.advance(Duration.ofMinutes(20));
            sessions.resolve(cookie).orElseThrow();
        }
        assertEquals(Optional.of(Duration.ofMinutes(20)), store.ttl(sessionKey(startedSession)));

        clock.advance(Duration.ofMinutes(10));
        SsoSession resolved = sessions.resolve(cookie).orElseThrow();

        assertEquals(clock.instant(), resolved.lastSeenAt());
        assertEquals(Optional.of(Duration.ofMinutes(10)), store.ttl(sessionKey(startedSession)));
        assertEquals(Optional.of(Duration.ofMinutes(10)), store.ttl(cookieKey(cookie)));
    }

    @Test
    void resolveWithinAMinuteDoesNotWriteAgain() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);

        clock.advance(Duration.ofSeconds(30));
        sessions.resolve(startedSession.cookieValue()).orElseThrow();

        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(30))), store.expiresAt(sessionKey(startedSession)));
    }

    @Test
    void endRemovesTheSessionOnceAndPublishesSessionEnded() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);

        sessions.end(startedSession.cookieValue());
        sessions.end(startedSession.cookieValue());
        sessions.end(null);

        assertTrue(sessions.resolve(startedSession.cookieValue()).isEmpty());
        assertEquals(1, ended.fired().size());
        assertEquals(startedSession.session().id(), ended.fired().get(0).sessionId());
        assertEquals(SessionEndReason.LOGOUT, ended.fired().get(0).reason());
        assertEquals(Set.of("session-devices:" + USER), store.keys());
    }

    @Test
    void isActiveWhileTheSessionLivesAndNotAfterItEnded() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);
        String id = startedSession.session().id();

        assertTrue(sessions.isActive(id));
        sessions.end(startedSession.cookieValue());

        assertFalse(sessions.isActive(id));
        assertFalse(sessions.isActive(null));
        assertFalse(sessions.isActive("x".repeat(129)));
    }

    @Test
    void isActiveEndsWithTheIdleTimeoutAndFollowsItsRenewal() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);
        String id = startedSession.session().id();

        clock.advance(Duration.ofMinutes(20));
        sessions.resolve(startedSession.cookieValue()).orElseThrow();
        clock.advance(Duration.ofMinutes(20));
        assertTrue(sessions.isActive(id));

        clock.advance(Duration.ofMinutes(31));
        assertFalse(sessions.isActive(id));
    }

    @Test
    void isActiveEndsWithTheAbsoluteLifetime() {
        TestClock storeClock = new TestClock();
        RecordingEphemeralStore lagging = new RecordingEphemeralStore(storeClock);
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080", lagging);
        StartedSession startedSession = sessions.start(login(USER), null);

        clock.advance(Duration.ofHours(10));
        sessions.resolve(startedSession.cookieValue());

        assertFalse(sessions.isActive(startedSession.session().id()));
    }

    @Test
    void startWhenSameUsersSessionThenSameIdNewCookieAndTheOldCookieIsDead() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession first = sessions.start(login(USER), null);
        sessions.bindClient(first.session().id(), "web-app");
        clock.advance(Duration.ofMinutes(5));

        NewSession stepUp = new NewSession(USER, List.of("pwd", "otp"), "urn:example:mfa", clock.instant(),
                login(USER, first.deviceId()).device());
        StartedSession second = sessions.start(stepUp, first.cookieValue());

        assertEquals(first.session().id(), second.session().id());
        assertNotEquals(first.cookieValue(), second.cookieValue());
        assertTrue(sessions.resolve(first.cookieValue()).isEmpty());
        SsoSession resolved = sessions.resolve(second.cookieValue()).orElseThrow();
        assertEquals(List.of("pwd", "otp"), resolved.authenticationMethods());
        assertEquals("urn:example:mfa", resolved.acr());
        assertEquals(clock.instant(), resolved.authenticatedAt());
        assertEquals(T0, resolved.createdAt());
        assertEquals(Set.of("web-app"), resolved.clientIds());
        assertEquals(1, started.fired().size());
        assertEquals(List.of(), ended.fired());
        assertEquals(first.deviceId(), second.deviceId());
        assertFalse(store.keys().contains(cookieKey(first.cookieValue())));
    }

    @Test
    void startWhenAnotherUsersSessionThenItEndsReplacedAndANewOneStarts() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession alices = sessions.start(login(USER), null);

        StartedSession bobs = sessions.start(login(OTHER, alices.deviceId()), alices.cookieValue());

        assertNotEquals(alices.session().id(), bobs.session().id());
        assertFalse(sessions.isActive(alices.session().id()));
        assertEquals(SessionEndReason.REPLACED, ended.fired().get(0).reason());
        assertEquals(OTHER, sessions.resolve(bobs.cookieValue()).orElseThrow().userId());
    }

    @Test
    void startWhenCookieUnknownOrExpiredThenANewSession() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession first = sessions.start(login(USER), null);
        clock.advance(Duration.ofMinutes(31));

        StartedSession second = sessions.start(login(USER, first.deviceId()), first.cookieValue());

        assertNotEquals(first.session().id(), second.session().id());
        assertEquals(2, started.fired().size());
        StartedSession unknown = sessions.start(login(OTHER), "no-such-cookie");
        assertEquals(OTHER, sessions.resolve(unknown.cookieValue()).orElseThrow().userId());
    }

    @Test
    void startWithoutDeviceCookieThenANewDeviceIdAndWithOneThenKept() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession first = sessions.start(login(USER), null);
        StartedSession forged = sessions.start(login(OTHER, "not a device id"), null);
        StartedSession again = sessions.start(login(USER, first.deviceId()), null);

        assertTrue(first.deviceId().matches("[A-Za-z0-9_-]{43}"));
        assertNotEquals("not a device id", forged.deviceId());
        assertEquals(first.deviceId(), again.deviceId());
        assertEquals(first.session().deviceHash(), again.session().deviceHash());
        assertNotEquals(first.session().deviceHash(), forged.session().deviceHash());
    }

    @Test
    void startFromAnUnknownDeviceWhileOtherSessionsLiveThenNewDeviceLogin() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession laptop = sessions.start(login(USER), null);
        assertEquals(List.of(), newDevices.fired(), "the first device of a user is not news");

        sessions.start(login(USER, laptop.deviceId()), null);
        assertEquals(List.of(), newDevices.fired(), "a known device is not news");

        StartedSession phone = sessions.start(login(USER), null);

        NewDeviceLogin event = newDevices.fired().get(0);
        assertEquals(1, newDevices.fired().size());
        assertEquals(USER, event.userId());
        assertEquals(phone.session().id(), event.sessionId());
        assertEquals("Chrome on Linux", event.deviceLabel());
        assertEquals("192.0.2.7", event.ipAddress());
        assertEquals(2, event.otherLiveSessions());
    }

    @Test
    void startFromAnUnknownDeviceWithoutLiveSessionsButKnownDevicesThenNewDeviceLogin() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        sessions.end(sessions.start(login(USER), null).cookieValue());

        sessions.start(login(USER), null);

        assertEquals(0, newDevices.fired().get(0).otherLiveSessions());
    }

    @Test
    void knownDevicesAreForgottenAfterTheirLifetime() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession first = sessions.start(login(USER), null);
        sessions.end(first.cookieValue());
        clock.advance(Duration.ofDays(366));

        sessions.start(login(USER), null);

        assertEquals(List.of(), newDevices.fired(), "nothing known any more: like a first login");
    }

    @Test
    void knownDevicesAreBoundedByForgettingTheLeastRecentlyUsed() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String firstDevice = sessions.start(login(USER), null).deviceId();
        for (int i = 0; i < KnownDevices.MAX_PER_USER; i++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.start(login(USER), null);
        }
        newDevices.clear();

        sessions.start(login(USER, firstDevice), null);

        assertEquals(1, newDevices.fired().size(), "the oldest device was forgotten");
        assertTrue(store.get(KnownDevices.PREFIX + USER).orElseThrow().length() < 3000);
    }

    @Test
    void startWhenLimitReachedAndEndOldestThenTheOldestEnds() {
        StoreBackedSsoSessions sessions = limited(2, "end-oldest");
        StartedSession oldest = sessions.start(login(USER), null);
        clock.advance(Duration.ofSeconds(1));
        StartedSession middle = sessions.start(login(USER), null);
        clock.advance(Duration.ofSeconds(1));
        sessions.start(login(OTHER), null);

        StartedSession newest = sessions.start(login(USER), null);

        assertFalse(sessions.isActive(oldest.session().id()));
        assertTrue(sessions.isActive(middle.session().id()));
        assertTrue(sessions.isActive(newest.session().id()));
        assertEquals(SessionEndReason.LIMIT_REACHED, ended.fired().get(0).reason());
        assertEquals(oldest.session().id(), ended.fired().get(0).sessionId());
        assertEquals(new SessionLimitReached(limitReached.fired().get(0).eventId(),
                limitReached.fired().get(0).occurredAt(), USER, 2, "end-oldest"), limitReached.fired().get(0));
    }

    @Test
    void startWhenLimitReachedAndRefuseThenNothingStartedOrEnded() {
        StoreBackedSsoSessions sessions = limited(1, "refuse");
        StartedSession only = sessions.start(login(USER), null);
        StartedSession others = sessions.start(login(OTHER), null);
        Set<String> keys = store.keys();

        SessionLimitReachedException refused = assertThrows(SessionLimitReachedException.class,
                () -> sessions.start(login(USER), others.cookieValue()));

        assertEquals(1, refused.limit());
        assertEquals(keys, store.keys());
        assertTrue(sessions.isActive(others.session().id()), "the browser's session of another user stays");
        assertEquals(List.of(), ended.fired());
        assertEquals("refuse", limitReached.fired().get(0).policy());
        // a new login in the user's own session is no new session: allowed
        assertEquals(only.session().id(), sessions.start(login(USER), only.cookieValue()).session().id());
    }

    @Test
    void startWhenLimitReachedButAnOldSessionExpiredThenRoomForANewOne() {
        StoreBackedSsoSessions sessions = limited(1, "refuse");
        StartedSession old = sessions.start(login(USER), null);
        clock.advance(Duration.ofMinutes(31));

        sessions.start(login(USER), null);

        assertEquals(List.of(), limitReached.fired());
        assertEquals(SessionEndReason.EXPIRED, ended.fired().get(0).reason());
        assertEquals(old.session().id(), ended.fired().get(0).sessionId());
    }

    @Test
    void bindClientThenListedAndReportedWhenTheSessionEnds() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);
        String id = startedSession.session().id();

        sessions.bindClient(id, "web-app");
        sessions.bindClient(id, "web-app");
        sessions.bindClient(id, "other-app");
        sessions.bindClient(id, null);
        sessions.bindClient(id, "x".repeat(129));
        sessions.bindClient("no-such-session", "web-app");

        assertEquals(Set.of("web-app", "other-app"), sessions.find(id).orElseThrow().clientIds());
        assertTrue(sessions.end(id, SessionEndReason.ENDED_BY_USER));
        assertEquals(Set.of("web-app", "other-app"), ended.fired().get(0).clientIds());
        assertEquals(SessionEndReason.ENDED_BY_USER, ended.fired().get(0).reason());
        assertFalse(sessions.end(id, SessionEndReason.ENDED_BY_USER));
        assertEquals(1, ended.fired().size());
        assertEquals(Set.of("session-devices:" + USER), store.keys());
    }

    @Test
    void listForUserGivesLiveSessionsNewestFirstAndPrunesExpiredOnes() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession expiring = sessions.start(login(USER), null);
        sessions.bindClient(expiring.session().id(), "web-app");
        clock.advance(Duration.ofMinutes(20));
        StartedSession older = sessions.start(login(USER), null);
        clock.advance(Duration.ofMinutes(1));
        StartedSession newer = sessions.start(login(USER), null);
        sessions.start(login(OTHER), null);
        clock.advance(Duration.ofMinutes(10));

        List<SsoSession> listed = sessions.listForUser(USER);

        assertEquals(List.of(newer.session().id(), older.session().id()), listed.stream().map(SsoSession::id).toList());
        SessionEnded expired = ended.fired().get(0);
        assertEquals(expiring.session().id(), expired.sessionId());
        assertEquals(SessionEndReason.EXPIRED, expired.reason());
        assertEquals(Set.of("web-app"), expired.clientIds(), "the clients outlive the idle timeout, to be reported");
        sessions.listForUser(USER);
        assertEquals(1, ended.fired().size(), "an expiry is reported once");
        assertEquals(List.of(), sessions.listForUser(UUID.randomUUID()));
    }

    @Test
    void endAllForUserEndsOnlyThatUsersSessions() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        sessions.start(login(USER), null);
        sessions.start(login(USER), null);
        StartedSession others = sessions.start(login(OTHER), null);

        assertEquals(2, sessions.endAllForUser(USER, SessionEndReason.CREDENTIALS_CHANGED));

        assertEquals(List.of(), sessions.listForUser(USER));
        assertTrue(sessions.isActive(others.session().id()));
        assertTrue(ended.fired().stream().allMatch(event -> event.reason() == SessionEndReason.CREDENTIALS_CHANGED));
        assertEquals(0, sessions.endAllForUser(USER, SessionEndReason.CREDENTIALS_CHANGED));
    }

    @Test
    void findDoesNotResetTheIdleTimer() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(login(USER), null);
        clock.advance(Duration.ofMinutes(20));

        assertEquals(T0, sessions.find(startedSession.session().id()).orElseThrow().lastSeenAt());
        clock.advance(Duration.ofMinutes(11));

        assertTrue(sessions.find(startedSession.session().id()).isEmpty());
        assertTrue(sessions.find(null).isEmpty());
        assertTrue(sessions.find("x".repeat(129)).isEmpty());
    }

    @Test
    void manySessionsStartedAndExpiredLeaveNothingBehind() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        store.sweep();
        int baseline = store.size();
        for (int i = 0; i < 500; i++) {
            UUID user = UUID.randomUUID();
            StartedSession startedSession = sessions.start(login(user), null);
            sessions.bindClient(startedSession.session().id(), "web-app");
            sessions.start(login(user, startedSession.deviceId()), null);
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(baseline + 500 * 7, store.size());

        clock.advance(Duration.ofHours(10));
        store.sweep();
        assertEquals(500, store.size(), "only the known devices are left, one entry per user");

        clock.advance(Duration.ofDays(365));
        store.sweep();
        assertEquals(baseline, store.size());
    }

    @Test
    void cookieIsHostPrefixedAndSecureOnHttpsAndLoopbackOnly() {
        assertEquals("__Host-latchkey_session", sessions("https://id.example.com").cookieName());
        assertTrue(sessions("https://id.example.com").cookieSecure());
        assertEquals("__Host-latchkey_session", sessions("http://127.0.0.1:9080").cookieName());
        assertEquals("latchkey_session", sessions("http://id.internal:9080").cookieName());
        assertFalse(sessions("http://id.internal:9080").cookieSecure());
        assertEquals("__Host-latchkey_device", sessions("https://id.example.com").deviceCookieName());
        assertEquals("latchkey_device", sessions("http://id.internal:9080").deviceCookieName());
        assertEquals(Duration.ofDays(365), sessions("https://id.example.com").deviceCookieLifetime());
    }

    static record FixedServer(String url) implements dev.latchkey.kernel.api.ServerSettings {
        @Override
        public URI publicUrl() {
            return URI.create(url);
        }

        @Override
        public Path dataDirectory() {
            return Path.of("target");
        }
    }
}

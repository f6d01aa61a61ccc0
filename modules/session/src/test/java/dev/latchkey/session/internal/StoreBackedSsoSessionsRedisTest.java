package dev.latchkey.session.internal;

import static dev.latchkey.session.internal.StoreBackedSsoSessionsTest.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestRedis;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.NewDeviceLogin;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionLimitReached;
import dev.latchkey.session.events.SessionStarted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sessions on the real Redis of the test machine: what lands in Redis, with which time to live. */
class StoreBackedSsoSessionsRedisTest {

    private final RecordingEvent<SessionStarted> started = new RecordingEvent<>();
    private final RecordingEvent<SessionEnded> ended = new RecordingEvent<>();
    private TestRedis redis;

    @BeforeEach
    void connect() {
        redis = TestRedis.connectOrSkip();
    }

    @AfterEach
    void close() {
        redis.close();
    }

    private StoreBackedSsoSessions sessions(Duration idle, Duration max, Duration deviceLifetime, int maxPerUser) {
        SessionSettings settings = new SessionSettings(idle, max, maxPerUser, "end-oldest", deviceLifetime,
                new StoreBackedSsoSessionsTest.FixedServer("http://localhost:9080"));
        return new StoreBackedSsoSessions(redis.store(), settings,
                new SessionEvents(started, ended, new RecordingEvent<SessionLimitReached>(),
                        new RecordingEvent<NewDeviceLogin>()), Clock.systemUTC());
    }

    private StoreBackedSsoSessions sessions() {
        return sessions(Duration.ofMinutes(30), Duration.ofHours(10), Duration.ofDays(365), 0);
    }

    private long pttl(String key) {
        return redis.client().pttl(TestRedis.PREFIX + key);
    }

    private static void assertAbout(Duration expected, long pttlMillis, String key) {
        assertTrue(pttlMillis > expected.toMillis() - 60_000 && pttlMillis <= expected.toMillis(),
                key + " lives " + pttlMillis + " ms, not about " + expected);
    }

    @Test
    void everyKeyASessionWritesCarriesItsTimeToLiveAndNoCookieValue() {
        UUID user = UUID.randomUUID();
        StoreBackedSsoSessions sessions = sessions();
        StartedSession startedSession = sessions.start(login(user), null);
        String id = startedSession.session().id();
        sessions.bindClient(id, "web-app");

        assertAbout(Duration.ofMinutes(30), pttl("session:" + id), "session");
        assertAbout(Duration.ofMinutes(30), pttl("session-cookie:" + SecureTokens.hash(startedSession.cookieValue())),
                "cookie pointer");
        assertAbout(Duration.ofHours(10), pttl("session-clients:" + id), "clients");
        assertAbout(Duration.ofHours(10), pttl("session-user:" + user), "user index");
        assertAbout(Duration.ofDays(365), pttl("session-devices:" + user), "known devices");
        assertFalse(redis.client().get(TestRedis.PREFIX + "session:" + id).contains(startedSession.cookieValue()));
        sessions.endAllForUser(user, SessionEndReason.ENDED_BY_ADMIN);
        redis.store().delete("session-devices:" + user);
    }

    @Test
    void aLoginInTheSessionKeepsItsIdAndKillsTheOldCookieValueInRedis() {
        UUID user = UUID.randomUUID();
        StoreBackedSsoSessions sessions = sessions();
        StartedSession first = sessions.start(login(user), null);

        StartedSession second = sessions.start(login(user, first.deviceId()), first.cookieValue());

        assertEquals(first.session().id(), second.session().id());
        assertNotEquals(first.cookieValue(), second.cookieValue());
        assertFalse(redis.client().exists(TestRedis.PREFIX + "session-cookie:" + SecureTokens.hash(first.cookieValue())));
        assertTrue(sessions.resolve(first.cookieValue()).isEmpty());
        assertEquals(user, sessions.resolve(second.cookieValue()).orElseThrow().userId());
        sessions.end(second.cookieValue());
        assertEquals(List.of(), sessions.listForUser(user));
        assertFalse(redis.client().exists(TestRedis.PREFIX + "session-user:" + user));
        redis.store().delete("session-devices:" + user);
    }

    @Test
    void sessionsLeftToExpireDisappearFromRedisByThemselvesAndAreReportedWhenNoticed() {
        UUID user = UUID.randomUUID();
        StoreBackedSsoSessions sessions = sessions(Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(6), 0);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StartedSession startedSession = sessions.start(login(user), null);
            sessions.bindClient(startedSession.session().id(), "web-app");
            keys.add("session:" + startedSession.session().id());
            keys.add("session-cookie:" + SecureTokens.hash(startedSession.cookieValue()));
            keys.add("session-clients:" + startedSession.session().id());
        }
        keys.add("session-user:" + user);
        keys.add("session-devices:" + user);
        String[] redisKeys = keys.stream().map(key -> TestRedis.PREFIX + key).toArray(String[]::new);
        assertEquals(keys.size(), redis.client().exists(redisKeys));

        Instant deadline = Instant.now().plusSeconds(30);
        while (redis.client().exists(redisKeys) > 0 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }

        assertEquals(0, redis.client().exists(redisKeys), "everything a session wrote expires");
        assertEquals(List.of(), sessions.listForUser(user));
    }

    @Test
    void aSessionIdleTooLongIsGoneAndItsExpiryReportedWithItsClientsAtTheUsersNextLogin() {
        UUID user = UUID.randomUUID();
        StoreBackedSsoSessions sessions = sessions(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 0);
        StartedSession idle = sessions.start(login(user), null);
        sessions.bindClient(idle.session().id(), "web-app");
        Instant deadline = Instant.now().plusSeconds(10);
        while (sessions.isActive(idle.session().id()) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertFalse(sessions.isActive(idle.session().id()));

        sessions.start(login(user), null);

        SessionEnded expired = ended.fired().get(0);
        assertEquals(idle.session().id(), expired.sessionId());
        assertEquals(SessionEndReason.EXPIRED, expired.reason());
        assertEquals(Set.of("web-app"), expired.clientIds());
        sessions.endAllForUser(user, SessionEndReason.ENDED_BY_ADMIN);
        redis.store().delete("session-devices:" + user);
    }
}

package dev.latchkey.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.SessionEnded;
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

    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final RecordingEvent<SessionStarted> started = new RecordingEvent<>();
    private final RecordingEvent<SessionEnded> ended = new RecordingEvent<>();

    private StoreBackedSsoSessions sessions(String publicUrl) {
        return sessions(publicUrl, store);
    }

    private StoreBackedSsoSessions sessions(String publicUrl, EphemeralStore store) {
        SessionSettings settings = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(10), new FixedServer(publicUrl));
        return new StoreBackedSsoSessions(store, settings, started, ended, clock);
    }

    private static String key(String cookieValue) {
        return StoreBackedSsoSessions.KEY_PREFIX + SecureTokens.hash(cookieValue);
    }

    @Test
    void startThenResolveReturnsTheSessionAndStoresOnlyTheHash() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);

        SsoSession resolved = sessions.resolve(startedSession.cookieValue()).orElseThrow();

        assertEquals(USER, resolved.userId());
        assertEquals(List.of("pwd"), resolved.authenticationMethods());
        assertEquals(startedSession.session().id(), resolved.id());
        assertNotEquals(startedSession.cookieValue(), resolved.id());
        assertEquals(Set.of("session:" + SecureTokens.hash(startedSession.cookieValue()),
                "session-id:" + startedSession.session().id()), store.keys());
        assertFalse(store.keys().stream().anyMatch(key -> key.contains(startedSession.cookieValue())));
        assertEquals(1, started.fired().size());
        assertEquals(Optional.of(Duration.ofMinutes(30)), store.ttl(key(startedSession.cookieValue())));
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
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();

        clock.advance(Duration.ofHours(10));

        assertTrue(sessions.resolve(cookie).isEmpty());
        assertEquals(Set.of(), lagging.keys());
    }

    @Test
    void resolveAfterAMinuteRenewsTheIdleTimerButNotBeyondTheAbsoluteEnd() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();
        // an active user, seen every 20 minutes (within the 30-minute idle timeout) until 9 h 40
        for (int i = 0; i < 29; i++) {
            clock.advance(Duration.ofMinutes(20));
            sessions.resolve(cookie).orElseThrow();
        }
        assertEquals(Optional.of(Duration.ofMinutes(20)), store.ttl(key(cookie)));

        clock.advance(Duration.ofMinutes(10));
        SsoSession resolved = sessions.resolve(cookie).orElseThrow();

        assertEquals(clock.instant(), resolved.lastSeenAt());
        assertEquals(Optional.of(Duration.ofMinutes(10)), store.ttl(key(cookie)));
    }

    @Test
    void resolveWithinAMinuteDoesNotWriteAgain() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();

        clock.advance(Duration.ofSeconds(30));
        sessions.resolve(cookie).orElseThrow();

        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(30))), store.expiresAt(key(cookie)));
    }

    @Test
    void endRemovesTheSessionOnceAndPublishesSessionEnded() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);

        sessions.end(startedSession.cookieValue());
        sessions.end(startedSession.cookieValue());
        sessions.end(null);

        assertTrue(sessions.resolve(startedSession.cookieValue()).isEmpty());
        assertEquals(1, ended.fired().size());
        assertEquals(startedSession.session().id(), ended.fired().get(0).sessionId());
    }

    @Test
    void isActiveWhileTheSessionLivesAndNotAfterItEnded() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);
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
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);
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
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);

        clock.advance(Duration.ofHours(10));
        sessions.resolve(startedSession.cookieValue());

        assertFalse(sessions.isActive(startedSession.session().id()));
    }

    @Test
    void cookieIsHostPrefixedAndSecureOnHttpsAndLoopbackOnly() {
        assertEquals("__Host-latchkey_session", sessions("https://id.example.com").cookieName());
        assertTrue(sessions("https://id.example.com").cookieSecure());
        assertEquals("__Host-latchkey_session", sessions("http://127.0.0.1:9080").cookieName());
        assertEquals("latchkey_session", sessions("http://id.internal:9080").cookieName());
        assertFalse(sessions("http://id.internal:9080").cookieSecure());
    }

    private record FixedServer(String url) implements dev.latchkey.kernel.api.ServerSettings {
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

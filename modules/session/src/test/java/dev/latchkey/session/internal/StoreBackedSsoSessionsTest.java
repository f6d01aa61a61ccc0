package dev.latchkey.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.StartedSession;
import dev.latchkey.session.events.SessionEnded;
import dev.latchkey.session.events.SessionStarted;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StoreBackedSsoSessionsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final UUID USER = UUID.fromString("0193a1b2-0000-7000-8000-000000000001");

    private final MapEphemeralStore store = new MapEphemeralStore();
    private final RecordingEvent<SessionStarted> started = new RecordingEvent<>();
    private final RecordingEvent<SessionEnded> ended = new RecordingEvent<>();
    private final MutableClock clock = new MutableClock(T0);

    private StoreBackedSsoSessions sessions(String publicUrl) {
        SessionSettings settings = new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(10), new FixedServer(publicUrl));
        return new StoreBackedSsoSessions(store, settings, started, ended, clock);
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
        assertTrue(store.values.containsKey("session:" + SecureTokens.hash(startedSession.cookieValue())));
        assertFalse(store.values.keySet().stream().anyMatch(key -> key.contains(startedSession.cookieValue())));
        assertEquals(1, started.fired.size());
        assertEquals(Duration.ofMinutes(30), store.lastTtl);
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
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();

        clock.now = T0.plus(Duration.ofHours(10));

        assertTrue(sessions.resolve(cookie).isEmpty());
        assertTrue(store.values.isEmpty());
    }

    @Test
    void resolveAfterAMinuteRenewsTheIdleTimerButNotBeyondTheAbsoluteEnd() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();

        clock.now = T0.plus(Duration.ofHours(9).plusMinutes(50));
        SsoSession resolved = sessions.resolve(cookie).orElseThrow();

        assertEquals(clock.now, resolved.lastSeenAt());
        assertEquals(Duration.ofMinutes(10), store.lastTtl);
    }

    @Test
    void resolveWithinAMinuteDoesNotWriteAgain() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        String cookie = sessions.start(USER, List.of("pwd"), T0).cookieValue();
        store.lastTtl = null;

        clock.now = T0.plusSeconds(30);
        sessions.resolve(cookie).orElseThrow();

        assertEquals(null, store.lastTtl);
    }

    @Test
    void endRemovesTheSessionOnceAndPublishesSessionEnded() {
        StoreBackedSsoSessions sessions = sessions("http://localhost:9080");
        StartedSession startedSession = sessions.start(USER, List.of("pwd"), T0);

        sessions.end(startedSession.cookieValue());
        sessions.end(startedSession.cookieValue());
        sessions.end(null);

        assertTrue(sessions.resolve(startedSession.cookieValue()).isEmpty());
        assertEquals(1, ended.fired.size());
        assertEquals(startedSession.session().id(), ended.fired.get(0).sessionId());
    }

    @Test
    void cookieIsHostPrefixedAndSecureOnHttpsAndLoopbackOnly() {
        assertEquals("__Host-latchkey_session", sessions("https://id.example.com").cookieName());
        assertTrue(sessions("https://id.example.com").cookieSecure());
        assertEquals("__Host-latchkey_session", sessions("http://127.0.0.1:9080").cookieName());
        assertEquals("latchkey_session", sessions("http://id.internal:9080").cookieName());
        assertFalse(sessions("http://id.internal:9080").cookieSecure());
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
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

package dev.latchkey.session.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.session.api.ApproximatePlace;
import dev.latchkey.session.api.ApproximatePlaces;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import dev.latchkey.session.api.NewSession;
import dev.latchkey.session.api.StartedSession;
import jakarta.ws.rs.NotAuthorizedException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SessionResourcesTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final ApproximatePlace BERLIN = new ApproximatePlace("Berlin", "Land Berlin", "DE");

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private final Sessions sessions = new Sessions();
    private final SessionsOfUser ofUser = new SessionsOfUser(sessions, new Places());

    private AccountSessionsResource account(String subject) {
        AccountSessionsResource resource = new AccountSessionsResource();
        resource.sessions = ofUser;
        resource.token = new Token(subject);
        return resource;
    }

    private UserSessionsAdminResource admin() {
        UserSessionsAdminResource resource = new UserSessionsAdminResource();
        resource.sessions = ofUser;
        return resource;
    }

    @Test
    void listWhenTwoSessionsThenBothWithPlaceForAPublicAddressOnlyAndNoOtherUsers() {
        sessions.add(session("public", ALICE, "203.0.113.7"));
        sessions.add(session("loopback", ALICE, "127.0.0.1"));
        sessions.add(session("bobs", BOB, "203.0.113.7"));

        List<SessionResponse> listed = account(ALICE.toString()).list();

        assertEquals(List.of("public", "loopback"), listed.stream().map(SessionResponse::id).toList());
        SessionResponse first = listed.get(0);
        assertEquals(BERLIN, first.place());
        assertEquals("Firefox on Linux", first.deviceLabel());
        assertEquals("203.0.113.7", first.ipAddress());
        assertEquals(List.of("pwd"), first.amr());
        assertEquals(List.of("a-client", "b-client"), first.clientIds(), "sorted");
        assertNull(listed.get(1).place());
    }

    @Test
    void endWhenTheCallersSessionThenEndedByUser() {
        sessions.add(session("mine", ALICE, "127.0.0.1"));

        account(ALICE.toString()).end("mine");

        assertEquals(Map.of("mine", SessionEndReason.ENDED_BY_USER), sessions.ended);
    }

    @Test
    void endWhenAnotherUsersSessionThen404AndNothingEnded() {
        sessions.add(session("bobs", BOB, "127.0.0.1"));

        ProblemException refused = assertThrows(ProblemException.class, () -> account(ALICE.toString()).end("bobs"));

        assertEquals(404, refused.status());
        assertTrue(sessions.ended.isEmpty());
    }

    @Test
    void endWhenTheIdIsUnknownMalformedOversizedOrMissingThen404WithoutALookup() {
        for (String id : new String[] {"unknown", "not a session", "a/b", "x".repeat(65), "", null}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> account(ALICE.toString()).end(id));
            assertEquals(404, refused.status(), String.valueOf(id));
        }
        assertEquals(List.of("unknown"), sessions.lookedUp, "only a well-formed id is looked up");
    }

    @Test
    void endAllWhenCalledThenEveryCallersSessionEndedByUser() {
        account(ALICE.toString()).endAll();

        assertEquals(Map.of(ALICE, SessionEndReason.ENDED_BY_USER), sessions.endedForUser);
    }

    @Test
    void accountWhenTheTokenNamesNoUserThen401() {
        for (String subject : new String[] {"a-client-id", null}) {
            AccountSessionsResource resource = account(subject);
            assertThrows(NotAuthorizedException.class, resource::list);
            assertThrows(NotAuthorizedException.class, resource::endAll);
            assertThrows(NotAuthorizedException.class, () -> resource.end("any"));
        }
        assertTrue(sessions.endedForUser.isEmpty());
    }

    @Test
    void adminWhenTheUsersSessionThenEndedByAdmin() {
        sessions.add(session("bobs", BOB, "127.0.0.1"));

        assertEquals(1, admin().list(BOB.toString()).size());
        admin().end(BOB.toString(), "bobs");
        admin().endAll(BOB.toString());

        assertEquals(Map.of("bobs", SessionEndReason.ENDED_BY_ADMIN), sessions.ended);
        assertEquals(Map.of(BOB, SessionEndReason.ENDED_BY_ADMIN), sessions.endedForUser);
    }

    @Test
    void adminWhenTheSessionIsAnotherUsersThen404() {
        sessions.add(session("bobs", BOB, "127.0.0.1"));

        assertEquals(404, assertThrows(ProblemException.class, () -> admin().end(ALICE.toString(), "bobs")).status());
        assertTrue(sessions.ended.isEmpty());
    }

    @Test
    void adminWhenTheUserIdIsNoUuidThen404() {
        for (String userId : new String[] {"not-a-uuid", "x".repeat(36), ALICE + "0", "", null}) {
            assertEquals(404, assertThrows(ProblemException.class, () -> admin().list(userId)).status());
            assertEquals(404, assertThrows(ProblemException.class, () -> admin().endAll(userId)).status());
        }
        assertTrue(sessions.endedForUser.isEmpty());
    }

    @Test
    void adminWhenTheUserHasNoSessionsThenAnEmptyList() {
        assertEquals(List.of(), admin().list(UUID.randomUUID().toString()));
    }

    private static SsoSession session(String id, UUID userId, String ipAddress) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new SsoSession(id, userId, now, List.of("pwd"), null, now, now, Set.of("b-client", "a-client"),
                ipAddress, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox on Linux", "hash");
    }

    /** The places of a database that knows one public address. */
    private static final class Places implements ApproximatePlaces {
        @Override
        public boolean available() {
            return true;
        }

        @Override
        public Optional<ApproximatePlace> of(String ipAddress) {
            return "203.0.113.7".equals(ipAddress) ? Optional.of(BERLIN) : Optional.empty();
        }
    }

    /** The part of the session facade the APIs use, recording what was ended. */
    private static final class Sessions implements SsoSessions {
        final Map<String, SsoSession> live = new LinkedHashMap<>();
        final Map<String, SessionEndReason> ended = new LinkedHashMap<>();
        final Map<UUID, SessionEndReason> endedForUser = new LinkedHashMap<>();
        final List<String> lookedUp = new ArrayList<>();

        void add(SsoSession session) {
            live.put(session.id(), session);
        }

        @Override
        public List<SsoSession> listForUser(UUID userId) {
            return live.values().stream().filter(session -> session.userId().equals(userId)).toList();
        }

        @Override
        public Optional<SsoSession> find(String sessionId) {
            lookedUp.add(sessionId);
            return Optional.ofNullable(live.get(sessionId));
        }

        @Override
        public boolean end(String sessionId, SessionEndReason reason) {
            if (live.remove(sessionId) == null) {
                return false;
            }
            ended.put(sessionId, reason);
            return true;
        }

        @Override
        public int endAllForUser(UUID userId, SessionEndReason reason) {
            endedForUser.put(userId, reason);
            return 0;
        }

        @Override
        public StartedSession start(NewSession login, String currentCookieValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<SsoSession> resolve(String cookieValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isActive(String sessionId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void bindClient(String sessionId, String clientId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void end(String cookieValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String cookieName() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean cookieSecure() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String deviceCookieName() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Duration deviceCookieLifetime() {
            throw new UnsupportedOperationException();
        }
    }

    /** A verified token with only a subject. */
    private record Token(String subject) implements JsonWebToken {
        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return subject == null ? Set.of() : Set.of("sub");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "sub".equals(claimName) ? (T) subject : null;
        }
    }
}

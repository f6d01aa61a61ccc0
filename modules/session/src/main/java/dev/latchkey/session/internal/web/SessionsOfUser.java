package dev.latchkey.session.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.session.api.ApproximatePlaces;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What the account and admin session APIs share: a user's sessions with their places, and ending
 * one of them by id. An id that is malformed, unknown or another user's is the same 404, so the
 * API tells nobody whether someone else's session exists.
 */
@ApplicationScoped
class SessionsOfUser {

    /** Session ids are base64url random values; anything else names no session. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private SsoSessions sessions;
    private ApproximatePlaces places;

    @Inject
    SessionsOfUser(SsoSessions sessions, ApproximatePlaces places) {
        this.sessions = sessions;
        this.places = places;
    }

    /** For CDI's client proxy only. */
    SessionsOfUser() {
    }

    /** The user's live sessions, newest first. */
    List<SessionResponse> list(UUID userId) {
        return sessions.listForUser(userId).stream()
                .map(session -> SessionResponse.of(session, places.of(session.ipAddress()).orElse(null)))
                .toList();
    }

    /** Ends the user's session of this id; 404 when the user has none of this id. */
    void end(UUID userId, String sessionId, SessionEndReason reason) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches() || !sessions.end(userId, sessionId, reason)) {
            throw Problems.notFound("no live session of this user has this id");
        }
    }

    /** Ends all the user's sessions. */
    void endAll(UUID userId, SessionEndReason reason) {
        sessions.endAllForUser(userId, reason);
    }
}

package dev.latchkey.session.api;

/** A new session and the secret value its cookie carries; the secret is not kept anywhere else. */
public record StartedSession(SsoSession session, String cookieValue) {
}

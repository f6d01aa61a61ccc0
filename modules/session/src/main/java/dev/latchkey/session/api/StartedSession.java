package dev.latchkey.session.api;

/**
 * A session just started (or rotated by a new login in it), the secret value its cookie now
 * carries (kept nowhere else) and the value for the long-lived device cookie: the browser's own
 * when it sent one, a new random one otherwise.
 */
public record StartedSession(SsoSession session, String cookieValue, String deviceId) {
}

package dev.latchkey.oauth.internal.logout;

/**
 * A logout waiting on the confirmation page: the session it was asked in, where the browser goes
 * afterwards (null: the signed-out page) and the client that asked (null: none named).
 */
public record PendingLogout(String sessionId, String location, String clientName) {
}

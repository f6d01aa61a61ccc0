package dev.latchkey.oauth.internal.logout;

import java.time.Instant;
import java.util.UUID;

/** A logout token that could not be delivered: to whom, for which session, where, why and when. */
public record BackChannelLogoutFailure(String clientId, String sessionId, UUID userId, String logoutUri,
                                       String reason, Instant failedAt) {
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.logout.BackChannelLogoutFailure;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A client's undelivered logout tokens, newest first. */
public record LogoutFailureListResponse(List<Item> items) {

    /** One undelivered logout token. */
    @JsonbPropertyOrder({"failedAt", "sessionId", "userId", "logoutUri", "reason"})
    public record Item(@JsonbProperty("failed_at") Instant failedAt,
                       @JsonbProperty("session_id") String sessionId,
                       @JsonbProperty("user_id") String userId,
                       @JsonbProperty("logout_uri") String logoutUri,
                       @JsonbProperty("reason") String reason) {

        static Item of(BackChannelLogoutFailure failure) {
            return new Item(failure.failedAt(), failure.sessionId(), failure.userId().toString(),
                    failure.logoutUri(), failure.reason());
        }
    }
}

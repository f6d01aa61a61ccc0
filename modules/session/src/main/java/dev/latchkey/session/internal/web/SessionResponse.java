package dev.latchkey.session.internal.web;

import dev.latchkey.session.api.ApproximatePlace;
import dev.latchkey.session.api.SsoSession;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One live session as the session APIs show it: where it comes from (device, IP address and,
 * with an IP database, the approximate place), when it started and was last used, how its user
 * authenticated, and the clients it issued codes or tokens to. Never the cookie.
 */
@Schema(description = "A live single-sign-on session")
public record SessionResponse(
        @Schema(description = "The session's id (the sid of its ID tokens)") String id,
        @Schema(description = "Browser and system, from the User-Agent, e.g. \"Chrome on Linux\"") String deviceLabel,
        @Schema(description = "The IP address of the login") String ipAddress,
        @Schema(description = "Roughly where the IP address is; absent without an IP database or for a private address")
        ApproximatePlace place,
        Instant createdAt,
        @Schema(description = "The last request made with the session (to the minute)") Instant lastSeenAt,
        @Schema(description = "When the user last authenticated in this session") Instant authenticatedAt,
        @Schema(description = "How the user authenticated (RFC 8176 values)") List<String> amr,
        @Schema(description = "The authentication context class asserted, if any") String acr,
        @Schema(description = "The clients this session issued codes or tokens to") List<String> clientIds) {

    static SessionResponse of(SsoSession session, ApproximatePlace place) {
        return new SessionResponse(session.id(), session.deviceLabel(), session.ipAddress(), place,
                session.createdAt(), session.lastSeenAt(), session.authenticatedAt(),
                List.copyOf(session.authenticationMethods()), session.acr(),
                session.clientIds().stream().sorted().toList());
    }
}

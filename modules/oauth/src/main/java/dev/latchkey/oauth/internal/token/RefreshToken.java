package dev.latchkey.oauth.internal.token;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored refresh token (under the SHA-256 of its value). Every token issued by rotating another
 * belongs to the same family, so that the reuse of one revokes them all. {@code resources} are
 * the RFC 8707 resources the grant was authorized for (empty when none); {@code claims} is what
 * the authorization request asked of the claims ({@code ClaimsRequest#toJson}), null when nothing.
 */
public record RefreshToken(String tokenHash, UUID familyId, String clientId, UUID userId, String sessionId,
                           String scope, Instant authTime, List<String> authenticationMethods, Instant issuedAt,
                           Instant expiresAt, Instant usedAt, Instant revokedAt, List<String> resources,
                           String claims) {

    public RefreshToken {
        authenticationMethods = List.copyOf(authenticationMethods);
        resources = List.copyOf(resources);
    }

    /** Where a refresh token stands at a moment. */
    public enum State {
        USABLE, USED, REVOKED, EXPIRED
    }

    public State state(Instant now) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.USABLE : State.EXPIRED;
    }
}

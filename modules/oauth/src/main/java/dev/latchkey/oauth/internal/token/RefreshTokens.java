package dev.latchkey.oauth.internal.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored refresh tokens ({@code oauth_refresh_token}); called inside the caller's transaction. */
public interface RefreshTokens {

    void insert(RefreshToken token);

    Optional<RefreshToken> find(String tokenHash);

    /**
     * Marks a usable token used, only if it is neither used nor revoked yet, in one conditional
     * update: of two concurrent callers exactly one gets true.
     */
    boolean markUsed(String tokenHash, Instant now);

    /** Revokes every not yet revoked token of a family; returns how many. */
    int revokeFamily(UUID familyId, Instant now);

    /** Revokes every token of a client. */
    int revokeClient(String clientId, Instant now);

    /** Revokes the tokens bound to a session, except those granted {@code offline_access}. */
    int revokeSession(String sessionId, Instant now);

    /** The families of a user's tokens for a client that still have a token not revoked. */
    List<UUID> liveFamilies(UUID userId, String clientId);

    /** Revokes every token of a user. */
    int revokeUser(UUID userId, Instant now);

    /** Deletes every token of a user. */
    int deleteUser(UUID userId);
}

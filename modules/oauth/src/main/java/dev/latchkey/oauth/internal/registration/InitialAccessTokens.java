package dev.latchkey.oauth.internal.registration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The stored initial access tokens ({@code oauth_initial_access_token}); in the caller's transaction. */
public interface InitialAccessTokens {

    void insert(InitialAccessToken token, String tokenHash);

    /** Every token, newest first. */
    List<InitialAccessToken> list();

    /** Deletes a token; false when there was none with this id. */
    boolean delete(UUID id);

    /**
     * Uses up one registration of the token with this hash when it is unexpired at {@code now}
     * and has one left: a conditional update, so of two concurrent uses of the last registration
     * one wins. True when this call used one.
     */
    boolean consume(String tokenHash, Instant now);
}

package dev.latchkey.oauth.internal.logout;

import java.util.List;

/** The record of undelivered logout tokens ({@code oauth_backchannel_logout_failure}). */
public interface BackChannelLogoutFailures {

    /** The longest reason kept; longer ones are cut. */
    int MAX_REASON = 500;

    void add(BackChannelLogoutFailure failure);

    /** A client's failures, newest first, at most {@code limit}. */
    List<BackChannelLogoutFailure> ofClient(String clientId, int limit);

    /** Forgets a deleted client's failures; how many there were. */
    int deleteClient(String clientId);
}

package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.oauth.internal.protocol.WaitingRequests;
import java.time.Duration;

/**
 * The requests waiting on the consent page, for {@link #TTL}; a decision takes the request out
 * atomically, so one request is decided once, on any node.
 */
final class PendingConsents extends WaitingRequests<PendingConsent> {

    /** How long the consent page may stay open before its request is forgotten. */
    static final Duration TTL = Duration.ofMinutes(15);

    PendingConsents(EphemeralStore store) {
        super(store, "oauth:consent_request:", TTL, PendingConsent.class);
    }
}

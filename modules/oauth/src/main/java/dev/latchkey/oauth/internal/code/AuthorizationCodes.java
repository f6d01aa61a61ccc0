package dev.latchkey.oauth.internal.code;

import java.util.Optional;

/** Issues and redeems authorization codes. */
public interface AuthorizationCodes {

    /** Stores the grant and returns the code to send to the client. */
    String issue(AuthorizationCode grant);

    /**
     * Redeems a code: returns its grant the first time, empty on every later call or after it
     * expired. Of two concurrent redemptions, exactly one gets the grant.
     */
    Optional<AuthorizationCode> redeem(String code);

    /**
     * True when the code was redeemed before, for the code's remaining lifetime plus a minute:
     * a token request that {@link #redeem} refused then is a replay, and what the first
     * redemption issued should be revoked.
     *
     * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
     */
    boolean wasRedeemed(String code);
}

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
}

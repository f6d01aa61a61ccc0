package dev.latchkey.oauth.api;

import java.util.List;
import java.util.Map;

/**
 * What the server's logout pages need of OpenID Connect RP-Initiated Logout: the end-session
 * request checked ({@code id_token_hint} signed by this server, {@code client_id} agreeing with
 * it, a {@code post_logout_redirect_uri} registered for that client exactly), then either the
 * session ended at once (a valid hint naming the browser's own session) or a confirmation asked
 * for first. Ending the session ends it for every client (its refresh tokens without
 * {@code offline_access} are revoked, back-channel logout tokens are sent).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OpenID Connect RP-Initiated Logout 1.0</a>
 */
public interface LogoutPages {

    /**
     * Handles an end-session request (the query of a GET or the form of a POST).
     *
     * @param parameters    every parameter with all its values (a repeated one is refused)
     * @param sessionCookie the browser's session cookie value; null when none
     * @throws dev.latchkey.kernel.api.ErrorPageException for a request that must not be honoured:
     *         a malformed or forged hint, a client that does not match it, an unregistered
     *         {@code post_logout_redirect_uri}, a repeated or oversized parameter
     */
    LogoutStep request(Map<String, List<String>> parameters, String sessionCookie);

    /**
     * The user confirmed a logout the confirmation page showed: ends the session it was asked in
     * (when it is still the browser's), once.
     *
     * @throws dev.latchkey.kernel.api.ErrorPageException when the request is unknown, expired or
     *         was confirmed before (a replayed form)
     */
    LogoutStep confirm(String requestId, String sessionCookie);
}

package dev.latchkey.oauth.api;

/**
 * What the server's consent page needs of an authorization request that waits for the user's
 * decision: what to show, and what the decision answers the browser. The request is named by the
 * random id the authorization endpoint sent the browser to the page with, and belongs to the SSO
 * session it was made in: another browser, another user or a later session cannot see or decide it.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
public interface ConsentPages {

    /**
     * The page's content for a waiting request.
     *
     * @throws dev.latchkey.kernel.api.ErrorPageException when the request is unknown, expired,
     *         decided, of another session, or its client changed or is gone
     */
    ConsentPrompt prompt(String requestId, String sessionCookie);

    /**
     * Decides a waiting request, once: {@code allow} remembers the consent and answers the client
     * with a code, otherwise with {@code access_denied}.
     *
     * @throws dev.latchkey.kernel.api.ErrorPageException as {@link #prompt}, and when the request
     *         was decided before (a replayed form)
     */
    ConsentOutcome decide(String requestId, String sessionCookie, boolean allow);
}

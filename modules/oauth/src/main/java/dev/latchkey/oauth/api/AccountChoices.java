package dev.latchkey.oauth.api;

/**
 * What the server's account page needs for {@code prompt=select_account}: whom the browser is
 * signed in as and where each choice goes. The offer is named by the random id the authorization
 * endpoint sent the browser to the page with, and belongs to the SSO session it was made for.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
public interface AccountChoices {

    /**
     * The page's content for an offer.
     *
     * @throws dev.latchkey.kernel.api.ErrorPageException when the offer is unknown, expired,
     *         taken, or of another session
     */
    AccountChoicePrompt prompt(String requestId, String sessionCookie);
}

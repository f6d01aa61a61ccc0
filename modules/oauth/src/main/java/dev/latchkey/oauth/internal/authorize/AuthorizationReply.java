package dev.latchkey.oauth.internal.authorize;

/**
 * Where and how the authorization response of one request goes: to {@code redirectUri}, in the
 * query or by {@code form_post}, echoing {@code state} (null when the request had none) and naming
 * {@code issuer}. Kept with a request that waits for the user's consent, to answer it afterwards.
 */
public record AuthorizationReply(boolean formPost, String redirectUri, String state, String issuer) {

    /** The response carrying a code. */
    AuthorizationAnswer success(String code) {
        return AuthorizationResponses.success(formPost, redirectUri, code, state, issuer);
    }

    /** The response carrying an error. */
    AuthorizationAnswer error(AuthorizationException error) {
        return AuthorizationResponses.error(formPost, redirectUri, error, state, issuer);
    }
}

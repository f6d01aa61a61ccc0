package dev.latchkey.oauth.internal.authorize;

/**
 * One rule of an authorization request whose client and redirect URI are known good. A
 * violation is redirected to the client.
 */
interface AuthorizationRequestValidator {

    /** Returns when the request follows the rule; throws an {@link AuthorizationException} otherwise. */
    void validate(AuthorizationContext context);
}

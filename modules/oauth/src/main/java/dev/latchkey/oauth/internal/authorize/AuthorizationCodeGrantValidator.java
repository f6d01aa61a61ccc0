package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.UNAUTHORIZED_CLIENT;
import static dev.latchkey.oauth.internal.client.ClientValidator.AUTHORIZATION_CODE;

/**
 * Requires that the client be allowed the {@code authorization_code} grant: a client registered
 * for other grants only (e.g. client credentials) gets {@code unauthorized_client}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
final class AuthorizationCodeGrantValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        if (!context.client().allowsGrant(AUTHORIZATION_CODE)) {
            throw new AuthorizationException(UNAUTHORIZED_CLIENT, "the client may not use the authorization_code grant");
        }
    }
}

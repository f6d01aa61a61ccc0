package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.REQUEST_URI_NOT_SUPPORTED;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REQUEST_URI;

/**
 * Refuses {@code request_uri}, which Latchkey does not support (request objects come by value,
 * see {@link RequestObjects}), rather than silently using the plain parameters the object would
 * override.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RequestUriParameter">OIDC Core §6.2</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OIDC Core §3.1.2.6</a>
 */
final class RequestUriValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        if (context.parameters().has(REQUEST_URI)) {
            throw new AuthorizationException(REQUEST_URI_NOT_SUPPORTED, "the request_uri parameter is not supported");
        }
    }
}

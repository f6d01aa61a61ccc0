package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESPONSE_MODE;

/**
 * Refuses a {@code response_mode} other than {@value #QUERY}, the only one Latchkey offers
 * (discovery's {@code response_modes_supported}), rather than answering in a mode the client
 * does not listen to.
 *
 * @see <a href="https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes">OAuth 2.0 Multiple Response Type Encoding Practices §2.1</a>
 */
final class ResponseModeValidator implements AuthorizationRequestValidator {

    static final String QUERY = "query";

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(RESPONSE_MODE).filter(mode -> !QUERY.equals(mode)).ifPresent(mode -> {
            throw new AuthorizationException(INVALID_REQUEST, "response_mode must be query");
        });
    }
}

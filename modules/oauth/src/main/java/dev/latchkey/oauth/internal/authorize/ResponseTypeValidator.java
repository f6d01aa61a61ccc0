package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationError.UNSUPPORTED_RESPONSE_TYPE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESPONSE_TYPE;

/**
 * Requires {@code response_type=code}: the only flow Latchkey offers (OAuth 2.1, no implicit
 * or hybrid flow).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.1.1">RFC 6749 §3.1.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.2">RFC 9700 §2.1.2</a>
 */
final class ResponseTypeValidator implements AuthorizationRequestValidator {

    static final String CODE = "code";

    @Override
    public void validate(AuthorizationContext context) {
        // RFC 6749 §3.1.1: the client MUST send response_type
        String responseType = context.parameters().single(RESPONSE_TYPE)
                .orElseThrow(() -> new AuthorizationException(INVALID_REQUEST, "response_type missing"));
        if (!CODE.equals(responseType)) {
            throw new AuthorizationException(UNSUPPORTED_RESPONSE_TYPE, "only response_type=code is supported");
        }
    }
}

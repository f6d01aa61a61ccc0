package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request with any parameter given more than once: request parameters MUST NOT be
 * included more than once (RFC 6749 §3.1). The exception is {@code resource}, which RFC 8707 §2
 * lets a client repeat.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.1">RFC 6749 §3.1</a>
 */
final class SingleValuedParametersValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        List<String> repeated = context.parameters().asMap().entrySet().stream()
                .filter(parameter -> parameter.getValue().size() > 1)
                .filter(parameter -> !parameter.getKey().equals(AuthorizationParameters.RESOURCE))
                .map(Map.Entry::getKey)
                .toList();
        if (!repeated.isEmpty()) {
            throw new AuthorizationException(INVALID_REQUEST,
                    "parameters included more than once: " + String.join(" ", repeated));
        }
    }
}

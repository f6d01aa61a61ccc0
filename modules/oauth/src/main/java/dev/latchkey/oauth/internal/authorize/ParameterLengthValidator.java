package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.MAX_VALUE_LENGTH;

import java.util.List;
import java.util.Map;

/**
 * Refuses a request with a parameter value longer than {@value AuthorizationParameters#MAX_VALUE_LENGTH}
 * characters, so that no request makes the redirect back or the stored code arbitrarily large.
 */
final class ParameterLengthValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        List<String> tooLong = context.parameters().asMap().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream().anyMatch(value -> value.length() > MAX_VALUE_LENGTH))
                .map(Map.Entry::getKey)
                .toList();
        if (!tooLong.isEmpty()) {
            throw new AuthorizationException(INVALID_REQUEST, "parameters longer than " + MAX_VALUE_LENGTH
                    + " characters: " + String.join(" ", tooLong));
        }
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.MAX_AGE;

import java.util.Optional;

/**
 * Accepts a {@code max_age} that is a non-negative number of seconds, written in decimal digits
 * only (no sign, no fraction), of at most {@value #MAX_DIGITS} digits (three centuries).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class MaxAgeValidator implements AuthorizationRequestValidator {

    static final int MAX_DIGITS = 10;

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(MAX_AGE).filter(value -> !isSeconds(value)).ifPresent(value -> {
            throw new AuthorizationException(INVALID_REQUEST, "max_age must be a non-negative integer of seconds");
        });
    }

    /** The accepted {@code max_age} in seconds; empty when absent. */
    static Optional<Long> maxAge(AuthorizationParameters parameters) {
        return parameters.single(MAX_AGE).filter(MaxAgeValidator::isSeconds).map(Long::parseLong);
    }

    private static boolean isSeconds(String value) {
        return value.length() <= MAX_DIGITS && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}

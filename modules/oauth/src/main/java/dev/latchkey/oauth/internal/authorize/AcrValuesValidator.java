package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.ACR_VALUES;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Accepts {@code acr_values} that are space-separated strings of visible characters. The values
 * are a voluntary request (OIDC Core §3.1.2.1): the ID token's {@code acr} is the first of them
 * that the login satisfies, else the class it did achieve; values Latchkey does not know are
 * ignored.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class AcrValuesValidator implements AuthorizationRequestValidator {

    private static final Pattern VALUES = Pattern.compile("[\\x21-\\x7E]+( +[\\x21-\\x7E]+)*");

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(ACR_VALUES).filter(values -> !VALUES.matcher(values.strip()).matches())
                .ifPresent(values -> {
                    throw new AuthorizationException(INVALID_REQUEST,
                            "acr_values must be space-separated values of visible ASCII characters");
                });
    }

    /** The {@code acr_values} of a valid request, in order of preference; empty when absent. */
    static List<String> acrValues(AuthorizationParameters parameters) {
        return parameters.single(ACR_VALUES)
                .map(values -> Arrays.stream(values.split(" ")).filter(value -> !value.isEmpty()).distinct().toList())
                .orElse(List.of());
    }
}

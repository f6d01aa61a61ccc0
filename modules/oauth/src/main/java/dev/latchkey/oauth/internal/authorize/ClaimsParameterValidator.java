package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CLAIMS;

import dev.latchkey.oauth.internal.claims.ClaimsRequest;

/**
 * Accepts a {@code claims} parameter that is a JSON object whose {@code id_token} and
 * {@code userinfo} members, and each claim's request in them, have the types OIDC Core §5.5
 * gives them; anything else is {@code invalid_request}. Its length is bounded by
 * {@link ParameterLengthValidator}. Unknown claims and members are accepted and ignored.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter">OIDC Core §5.5</a>
 */
final class ClaimsParameterValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(CLAIMS).ifPresent(json -> {
            try {
                ClaimsRequest.parse(json);
            } catch (IllegalArgumentException malformed) {
                throw new AuthorizationException(INVALID_REQUEST, malformed.getMessage());
            }
        });
    }

    /** What a valid request asks of the claims: its {@code claims} parameter, then its {@code acr_values}. */
    static ClaimsRequest claims(AuthorizationParameters parameters) {
        return parameters.single(CLAIMS).map(ClaimsRequest::parse).orElse(ClaimsRequest.NONE)
                .withAcrValues(AcrValuesValidator.acrValues(parameters));
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.UNMET_AUTHENTICATION_REQUIREMENTS;

import dev.latchkey.oauth.internal.claims.AuthenticationContexts;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;

/**
 * Refuses a request whose {@code claims} parameter makes {@code acr} essential with values of
 * which Latchkey can assert none ({@link AuthenticationContexts#SUPPORTED}): no login could meet
 * it, so the request fails at once with {@code unmet_authentication_requirements} rather than
 * after a login (OIDC Core §5.5.1.1 treats it as a failed authentication). An essential
 * {@code acr} without values is met by any login.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#acrSemantics">OIDC Core §5.5.1.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-unmet-authentication-requirements-1_0.html">OpenID Connect Core Error Code unmet_authentication_requirements</a>
 */
final class EssentialAcrValidator implements AuthorizationRequestValidator {

    @Override
    public void validate(AuthorizationContext context) {
        ClaimsRequest claims = ClaimsParameterValidator.claims(context.parameters());
        if (claims.acrEssential() && !claims.acrValues().isEmpty()
                && claims.acrValues().stream().noneMatch(AuthenticationContexts.SUPPORTED::contains)) {
            throw new AuthorizationException(UNMET_AUTHENTICATION_REQUIREMENTS,
                    "no essential acr value can be met; supported: " + String.join(" ", AuthenticationContexts.SUPPORTED));
        }
    }
}

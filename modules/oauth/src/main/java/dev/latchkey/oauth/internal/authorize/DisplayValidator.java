package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.DISPLAY;

import java.util.List;

/**
 * Accepts the {@code display} values of OIDC Core and refuses any other. Latchkey's login page
 * is responsive, so every value gets the same page.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
public final class DisplayValidator implements AuthorizationRequestValidator {

    /** The values of OIDC Core §3.1.2.1, advertised as {@code display_values_supported}. */
    public static final List<String> SUPPORTED = List.of("page", "popup", "touch", "wap");

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(DISPLAY).filter(display -> !SUPPORTED.contains(display)).ifPresent(display -> {
            throw new AuthorizationException(INVALID_REQUEST, "display must be one of " + String.join(" ", SUPPORTED));
        });
    }
}

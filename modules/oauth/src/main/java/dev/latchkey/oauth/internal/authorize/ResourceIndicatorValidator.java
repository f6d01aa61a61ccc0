package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_TARGET;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESOURCE;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;

/**
 * Requires every {@code resource} of the request to be an absolute URI without fragment naming a
 * resource server this client may use; otherwise {@code invalid_target} is redirected to the
 * client.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
final class ResourceIndicatorValidator implements AuthorizationRequestValidator {

    private final ResourceIndicators resources;

    ResourceIndicatorValidator(ResourceIndicators resources) {
        this.resources = resources;
    }

    @Override
    public void validate(AuthorizationContext context) {
        try {
            resources.permitted(context.client(), context.parameters().all(RESOURCE));
        } catch (OAuthException refused) {
            throw new AuthorizationException(INVALID_TARGET, refused.description());
        }
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESPONSE_MODE;

/**
 * Refuses a {@code response_mode} other than {@value #QUERY} and {@value #FORM_POST}, the ones
 * Latchkey offers (discovery's {@code response_modes_supported}), rather than answering in a mode
 * the client does not listen to.
 *
 * @see <a href="https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode">OAuth 2.0 Form Post Response Mode §2</a>
 * @see <a href="https://openid.net/specs/oauth-v2-multiple-response-types-1_0.html#ResponseModes">OAuth 2.0 Multiple Response Type Encoding Practices §2.1</a>
 */
final class ResponseModeValidator implements AuthorizationRequestValidator {

    static final String QUERY = "query";
    static final String FORM_POST = "form_post";

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(RESPONSE_MODE).filter(mode -> !QUERY.equals(mode) && !FORM_POST.equals(mode))
                .ifPresent(mode -> {
                    throw new AuthorizationException(INVALID_REQUEST, "response_mode must be query or form_post");
                });
    }

    /**
     * True when the response goes back by form post: also for errors found before this validator
     * ran, since the mode the client listens to is known as soon as the redirect URI is.
     */
    static boolean formPost(AuthorizationParameters parameters) {
        return parameters.single(RESPONSE_MODE).filter(FORM_POST::equals).isPresent();
    }
}

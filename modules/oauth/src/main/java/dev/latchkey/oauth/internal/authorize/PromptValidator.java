package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.PROMPT;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accepts the {@code prompt} values of OIDC Core and refuses {@value #NONE} combined with any
 * other. {@value #NONE} (no session: {@code login_required} instead of the login page) and
 * {@value #LOGIN} (the login page even with a session, see {@link FreshLogins}) and
 * {@value #CONSENT} (the consent page even when consent was given, see {@link ConsentStep}) and
 * {@value #SELECT_ACCOUNT} (the account page, see {@link AccountSelections}) change the flow.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class PromptValidator implements AuthorizationRequestValidator {

    static final String NONE = "none";
    static final String LOGIN = "login";
    static final String CONSENT = "consent";
    static final String SELECT_ACCOUNT = "select_account";
    private static final Set<String> SUPPORTED = Set.of(NONE, LOGIN, CONSENT, SELECT_ACCOUNT);

    @Override
    public void validate(AuthorizationContext context) {
        Set<String> prompts = prompts(context.parameters());
        if (!SUPPORTED.containsAll(prompts)) {
            throw new AuthorizationException(INVALID_REQUEST, "prompt values must be among none login consent select_account");
        }
        // OIDC Core §3.1.2.1: none with any other value is an error
        if (prompts.contains(NONE) && prompts.size() > 1) {
            throw new AuthorizationException(INVALID_REQUEST, "prompt=none must not be combined with other values");
        }
    }

    /** The space-delimited values of {@code prompt}; empty when absent. */
    static Set<String> prompts(AuthorizationParameters parameters) {
        return parameters.single(PROMPT)
                .map(prompt -> Arrays.stream(prompt.split(" ")).filter(value -> !value.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}

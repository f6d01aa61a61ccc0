package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE_METHOD;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.NONCE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REDIRECT_URI;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESOURCE;

import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.session.api.SsoSession;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A valid authorization request: what a code is bound to once the user is known.
 * {@code requestedRedirectUri}, {@code nonce}, {@code codeChallenge} and
 * {@code codeChallengeMethod} are null when the request had none; so is {@code maxAge}, in seconds,
 * and {@code subject}, the user the request names ({@code id_token_hint}, or the {@code claims}
 * parameter's {@code sub} value). {@code resources} are the RFC 8707 resources it named, without
 * repeats (empty when none).
 */
record AuthorizationRequest(RegisteredClient client, String redirectUri, String requestedRedirectUri,
                            String scope, String nonce, String codeChallenge, String codeChallengeMethod,
                            boolean promptNone, boolean promptLogin, Long maxAge, List<String> resources,
                            ClaimsRequest claims, String subject) {

    /** Reads a request that every validator accepted. */
    static AuthorizationRequest from(AuthorizationContext context) {
        AuthorizationParameters parameters = context.parameters();
        return new AuthorizationRequest(context.client(), context.redirectUri(),
                parameters.single(REDIRECT_URI).orElse(null),
                ScopeValidator.requested(parameters).toString(),
                parameters.single(NONCE).orElse(null),
                parameters.single(CODE_CHALLENGE).orElse(null),
                parameters.single(CODE_CHALLENGE_METHOD).orElse(null),
                PromptValidator.prompts(parameters).contains(PromptValidator.NONE),
                PromptValidator.prompts(parameters).contains(PromptValidator.LOGIN),
                MaxAgeValidator.maxAge(parameters).orElse(null),
                List.copyOf(new LinkedHashSet<>(parameters.all(RESOURCE))),
                ClaimsParameterValidator.claims(parameters),
                IdTokenHintValidator.subject(parameters)
                        .orElseGet(() -> ClaimsParameterValidator.claims(parameters).subject()));
    }

    /**
     * False when the request names another user than {@code userId} (OIDC Core §3.1.2.1
     * {@code id_token_hint}, §5.5.1 {@code sub} with a value): that user must log in instead.
     */
    boolean allowsUser(UUID userId) {
        return subject == null || subject.equals(userId.toString());
    }

    /**
     * True when a session authenticated at {@code authenticatedAt} is too old for this request at
     * {@code now}: {@code prompt=login}, {@code max_age=0} (OIDC Core §3.1.2.1: equivalent to
     * prompt=login), or an authentication more than {@code max_age} seconds ago.
     */
    boolean wantsLoginAfter(Instant authenticatedAt, Instant now) {
        if (promptLogin || Long.valueOf(0).equals(maxAge)) {
            return true;
        }
        return maxAge != null && authenticatedAt.isBefore(now.minusSeconds(maxAge));
    }

    /** True when the login page must show its form even to a browser with a session. */
    boolean demandsFreshLogin() {
        return promptLogin || maxAge != null || subject != null;
    }

    /** The grant a code stands for when the session's user authorizes this request at {@code now}. */
    AuthorizationCode grant(SsoSession session, Instant now) {
        return new AuthorizationCode(client.clientId(), requestedRedirectUri, session.userId(), session.id(), scope,
                nonce, codeChallenge, codeChallengeMethod, session.authenticatedAt(),
                session.authenticationMethods(), now, resources, claims.toJson());
    }
}

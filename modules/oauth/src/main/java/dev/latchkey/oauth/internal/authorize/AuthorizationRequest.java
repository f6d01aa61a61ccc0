package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE_METHOD;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.NONCE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REDIRECT_URI;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.session.api.SsoSession;
import java.time.Instant;

/**
 * A valid authorization request: what a code is bound to once the user is known.
 * {@code requestedRedirectUri}, {@code nonce}, {@code codeChallenge} and
 * {@code codeChallengeMethod} are null when the request had none.
 */
record AuthorizationRequest(RegisteredClient client, String redirectUri, String requestedRedirectUri,
                            String scope, String nonce, String codeChallenge, String codeChallengeMethod,
                            boolean promptNone) {

    /** Reads a request that every validator accepted. */
    static AuthorizationRequest from(AuthorizationContext context) {
        AuthorizationParameters parameters = context.parameters();
        return new AuthorizationRequest(context.client(), context.redirectUri(),
                parameters.single(REDIRECT_URI).orElse(null),
                ScopeValidator.requested(parameters).toString(),
                parameters.single(NONCE).orElse(null),
                parameters.single(CODE_CHALLENGE).orElse(null),
                parameters.single(CODE_CHALLENGE_METHOD).orElse(null),
                PromptValidator.prompts(parameters).contains(PromptValidator.NONE));
    }

    /** The grant a code stands for when the session's user authorizes this request at {@code now}. */
    AuthorizationCode grant(SsoSession session, Instant now) {
        return new AuthorizationCode(client.clientId(), requestedRedirectUri, session.userId(), session.id(), scope,
                nonce, codeChallenge, codeChallengeMethod, session.authenticatedAt(),
                session.authenticationMethods(), now);
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_SCOPE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.SCOPE;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.Set;

/**
 * Requires every requested scope to be one the client is allowed; a scope the server does not
 * know is one no client is allowed. A request without {@code scope} asks for
 * {@value Scope#OPENID}, which the client must be allowed too.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
final class ScopeValidator implements AuthorizationRequestValidator {

    /** RFC 6749 §3.3: without {@code scope}, the server MUST use a default value or fail. */
    static final Scope DEFAULT = Scope.of(Set.of(Scope.OPENID));

    @Override
    public void validate(AuthorizationContext context) {
        Set<String> allowed = context.client().scopes();
        if (!context.parameters().has(SCOPE) && !allowed.contains(Scope.OPENID)) {
            throw new AuthorizationException(INVALID_SCOPE, "scope missing and the client has no default scope");
        }
        Scope requested;
        try {
            requested = requested(context.parameters());
        } catch (OAuthException malformed) {
            throw new AuthorizationException(INVALID_SCOPE, "scope has a character RFC 6749 section 3.3 does not allow");
        }
        if (requested.isEmpty()) {
            throw new AuthorizationException(INVALID_SCOPE, "scope is blank");
        }
        Scope refused = requested.without(allowed);
        if (!refused.isEmpty()) {
            throw new AuthorizationException(INVALID_SCOPE, "scopes unknown or not allowed for this client: " + refused);
        }
    }

    /** The scope a request asks for, {@link #DEFAULT} when absent; throws {@link OAuthException} when malformed. */
    static Scope requested(AuthorizationParameters parameters) {
        return parameters.single(SCOPE).map(Scope::parse).orElse(DEFAULT);
    }
}

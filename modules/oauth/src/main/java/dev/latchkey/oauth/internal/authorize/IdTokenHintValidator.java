package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.ID_TOKEN_HINT;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.jwt.IdTokenHints;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import java.text.ParseException;
import java.util.Optional;

/**
 * Accepts an {@code id_token_hint} that is an ID token Latchkey issued ({@link IdTokenHints}) to
 * this client (among its audiences). A malformed, forged or foreign hint, an access token or one
 * issued to another client is {@code invalid_request}. The hint's
 * subject must then be the session's user (see {@link AuthorizationService}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class IdTokenHintValidator implements AuthorizationRequestValidator {

    private final SigningKeys keys;
    private final ServerSettings server;

    IdTokenHintValidator(SigningKeys keys, ServerSettings server) {
        this.keys = keys;
        this.server = server;
    }

    @Override
    public void validate(AuthorizationContext context) {
        context.parameters().single(ID_TOKEN_HINT).ifPresent(hint -> check(hint, context.client().clientId()));
    }

    /** The subject of the {@code id_token_hint} of a valid request; empty when there is none. */
    static Optional<String> subject(AuthorizationParameters parameters) {
        return parameters.single(ID_TOKEN_HINT).map(hint -> {
            try {
                return SignedJWT.parse(hint).getJWTClaimsSet().getSubject();
            } catch (ParseException e) {
                throw new IllegalStateException("an id_token_hint that was validated no longer parses", e);
            }
        });
    }

    private void check(String hint, String clientId) {
        JWTClaimsSet claims;
        try {
            claims = IdTokenHints.verify(hint, keys, server.issuer());
        } catch (IdTokenHints.InvalidHintException e) {
            throw invalid(e.getMessage());
        }
        // OIDC Core §3.1.2.1: the hint is an ID token previously issued to this client
        if (claims.getAudience() == null || !claims.getAudience().contains(clientId)) {
            throw invalid("id_token_hint was issued to another client");
        }
    }

    private static AuthorizationException invalid(String description) {
        return new AuthorizationException(INVALID_REQUEST, description);
    }
}

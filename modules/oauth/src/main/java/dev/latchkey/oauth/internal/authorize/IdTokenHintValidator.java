package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.ID_TOKEN_HINT;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import java.text.ParseException;
import java.util.Optional;

/**
 * Accepts an {@code id_token_hint} that is an ID token Latchkey issued to this client: signed by
 * one of its keys (retired ones too, while they still verify), with Latchkey as {@code iss}, a
 * {@code sub}, and the client among its audiences. Its expiry is not checked: OIDC Core
 * §3.1.2.1 expects hints that have expired. A malformed, forged or foreign hint, an access token
 * ({@code typ at+jwt}) or one issued to another client is {@code invalid_request}. The hint's
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
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(hint);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("id_token_hint is not a signed JWT");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !JOSEObjectType.JWT.equals(type)) {
            throw invalid("id_token_hint is not an ID token");
        }
        if (!SigningKeys.ALGORITHMS.contains(jwt.getHeader().getAlgorithm()) || !keys.signed(jwt)) {
            throw invalid("id_token_hint is not signed by this server");
        }
        if (!server.issuer().equals(claims.getIssuer()) || claims.getSubject() == null) {
            throw invalid("id_token_hint is not an ID token of this server");
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

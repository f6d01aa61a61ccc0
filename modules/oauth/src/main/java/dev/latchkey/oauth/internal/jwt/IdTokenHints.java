package dev.latchkey.oauth.internal.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import java.text.ParseException;

/**
 * Checks an {@code id_token_hint}: an ID token Latchkey issued, signed by one of its keys of any
 * of its algorithms (retired keys too, while they still verify), with Latchkey as {@code iss} and
 * a {@code sub}. Its expiry is not checked: OIDC Core §3.1.2.1 and RP-Initiated Logout §2 expect
 * hints that have expired. A malformed, forged or foreign hint, or an access token
 * ({@code typ at+jwt}), is refused with the reason; who it was issued to is the caller's check.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout §2</a>
 */
public final class IdTokenHints {

    private IdTokenHints() {
    }

    /** A hint that is not an ID token of this server; the message says why, in English. */
    public static final class InvalidHintException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InvalidHintException(String reason) {
            super(reason);
        }
    }

    /** The claims of a hint signed by {@code keys} and issued by {@code issuer}. */
    public static JWTClaimsSet verify(String hint, SigningKeys keys, String issuer) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(hint);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new InvalidHintException("id_token_hint is not a signed JWT");
        }
        JOSEObjectType type = jwt.getHeader().getType();
        if (type != null && !JOSEObjectType.JWT.equals(type)) {
            throw new InvalidHintException("id_token_hint is not an ID token");
        }
        if (!SigningKeys.ALGORITHMS.contains(jwt.getHeader().getAlgorithm()) || !keys.signed(jwt)) {
            throw new InvalidHintException("id_token_hint is not signed by this server");
        }
        if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null) {
            throw new InvalidHintException("id_token_hint is not an ID token of this server");
        }
        return claims;
    }
}

package dev.latchkey.oauth.internal.token;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A successful token response; absent members are null and left out of the JSON.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.1">RFC 6749 §5.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#TokenResponse">OIDC Core §3.1.3.3</a>
 */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "idToken", "scope"})
public record TokenResponse(@JsonbProperty("access_token") String accessToken,
                            @JsonbProperty("token_type") String tokenType,
                            @JsonbProperty("expires_in") long expiresIn,
                            @JsonbProperty("refresh_token") String refreshToken,
                            @JsonbProperty("id_token") String idToken,
                            @JsonbProperty("scope") String scope) {

    /** RFC 6750: the only token type Latchkey issues. */
    public static final String BEARER = "Bearer";
}

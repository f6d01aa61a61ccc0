package dev.latchkey.oauth.internal.userinfo;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The claims userinfo returns; those the token's scope does not cover are null and left out.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfoResponse">OIDC Core §5.3.2</a>
 */
@JsonbPropertyOrder({"sub", "name", "givenName", "familyName", "preferredUsername", "updatedAt", "email",
        "emailVerified"})
public record UserinfoResponse(@JsonbProperty("sub") String sub,
                               @JsonbProperty("name") String name,
                               @JsonbProperty("given_name") String givenName,
                               @JsonbProperty("family_name") String familyName,
                               @JsonbProperty("preferred_username") String preferredUsername,
                               @JsonbProperty("updated_at") Long updatedAt,
                               @JsonbProperty("email") String email,
                               @JsonbProperty("email_verified") Boolean emailVerified) {
}

package dev.latchkey.oauth.internal.introspection;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * An introspection response: {@code {"active":false}} alone for any token the caller may not
 * learn about, the token's metadata otherwise. Absent members are null and left out of the JSON.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2.2">RFC 7662 §2.2</a>
 */
@JsonbPropertyOrder({"active", "scope", "clientId", "username", "tokenType", "exp", "iat", "nbf", "sub", "aud",
        "iss", "jti"})
public record IntrospectionResponse(@JsonbProperty("active") boolean active,
                                    @JsonbProperty("scope") String scope,
                                    @JsonbProperty("client_id") String clientId,
                                    @JsonbProperty("username") String username,
                                    @JsonbProperty("token_type") String tokenType,
                                    @JsonbProperty("exp") Long exp,
                                    @JsonbProperty("iat") Long iat,
                                    @JsonbProperty("nbf") Long nbf,
                                    @JsonbProperty("sub") String sub,
                                    @JsonbProperty("aud") List<String> aud,
                                    @JsonbProperty("iss") String iss,
                                    @JsonbProperty("jti") String jti) {

    /** RFC 7662 §2.2: the only member of a response about a token that is not active. */
    public static final IntrospectionResponse INACTIVE = new IntrospectionResponse(false, null, null, null, null,
            null, null, null, null, null, null, null);

    /** The {@code token_type} of a refresh token (RFC 7662 §2.2 leaves the value to the server). */
    public static final String REFRESH_TOKEN = "refresh_token";

    public IntrospectionResponse {
        aud = aud == null || aud.isEmpty() ? null : List.copyOf(aud);
    }
}

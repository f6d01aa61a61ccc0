package dev.latchkey.oauth.internal.web;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The JSON body of an OAuth error.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
@JsonbPropertyOrder({"error", "errorDescription"})
public record OAuthErrorResponse(@JsonbProperty("error") String error,
                                 @JsonbProperty("error_description") String errorDescription) {
}

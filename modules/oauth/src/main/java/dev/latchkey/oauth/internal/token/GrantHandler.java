package dev.latchkey.oauth.internal.token;

/**
 * Handles one grant type at the token endpoint. The endpoint has already checked the parameters,
 * authenticated the client and checked that the client may use this grant type.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4">RFC 6749 §4</a>
 */
public interface GrantHandler {

    /** The {@code grant_type} value this handler serves. */
    String grantType();

    /** Issues the tokens or throws an {@code OAuthException}. */
    IssuedTokens handle(TokenRequest request);
}

package dev.latchkey.oauth.internal.authorize;

/**
 * An authorization request refused with an error that is redirected to the client: thrown by
 * the validators once the client and its redirect URI are known to be good.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
final class AuthorizationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final AuthorizationError error;

    AuthorizationException(AuthorizationError error, String description) {
        super(description);
        this.error = error;
    }

    AuthorizationError error() {
        return error;
    }

    /** The English text of the response's {@code error_description}, for the client's developer. */
    String description() {
        return getMessage();
    }
}

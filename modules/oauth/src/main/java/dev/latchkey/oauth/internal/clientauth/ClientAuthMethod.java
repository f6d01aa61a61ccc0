package dev.latchkey.oauth.internal.clientauth;

/**
 * The token-endpoint authentication methods Latchkey supports, named as in the
 * {@code token_endpoint_auth_methods_supported} metadata.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 */
public enum ClientAuthMethod {
    /** RFC 6749 §2.3.1: HTTP Basic with the form-urlencoded client id and secret. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** RFC 6749 §2.3.1: {@code client_id} and {@code client_secret} in the form body. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client: {@code client_id} only (it proves itself with PKCE instead). */
    NONE("none");

    private final String value;

    ClientAuthMethod(String value) {
        this.value = value;
    }

    /** The metadata name. */
    public String value() {
        return value;
    }
}

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
    /** RFC 7523 §2.2, OIDC Core §9: a JWT assertion MACed (HS256) with the client secret. */
    CLIENT_SECRET_JWT("client_secret_jwt"),
    /** RFC 7523 §2.2, OIDC Core §9: a JWT assertion signed with a key of the client's registered JWKS. */
    PRIVATE_KEY_JWT("private_key_jwt"),
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

    /**
     * Whether a client registered with {@code registered} may authenticate this way. Each method
     * is its own, except that Basic and form posting carry the same secret: a client registered
     * for either may use the other (the registered value is the default, {@code client_secret_basic},
     * for most clients, and libraries pick one freely). A client registered for a JWT method may
     * not fall back to sending its secret, nor a private_key_jwt client to an HMAC.
     */
    public boolean allowedFor(String registered) {
        if (this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST) {
            return registered.equals(CLIENT_SECRET_BASIC.value) || registered.equals(CLIENT_SECRET_POST.value);
        }
        return registered.equals(value);
    }
}

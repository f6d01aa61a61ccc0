package dev.latchkey.oauth.internal.clientauth;

/**
 * The endpoints where clients authenticate, by path under the issuer: a JWT assertion's
 * {@code aud} may name the endpoint it is sent to.
 */
public enum ClientAuthEndpoint {
    /** RFC 6749 §3.2. */
    TOKEN("/token"),
    /** RFC 7662 §2. */
    INTROSPECTION("/introspect"),
    /** RFC 7009 §2. */
    REVOCATION("/revoke");

    private final String path;

    ClientAuthEndpoint(String path) {
        this.path = path;
    }

    /** The endpoint's path under the issuer. */
    public String path() {
        return path;
    }
}

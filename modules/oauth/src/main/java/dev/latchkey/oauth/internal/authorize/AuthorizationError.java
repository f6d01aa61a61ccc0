package dev.latchkey.oauth.internal.authorize;

/**
 * The error codes the authorization endpoint redirects to the client.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthError">OIDC Core §3.1.2.6</a>
 */
enum AuthorizationError {
    INVALID_REQUEST("invalid_request"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    INVALID_SCOPE("invalid_scope"),
    /** RFC 8707 §2: a resource parameter is malformed, unknown or not for this client. */
    INVALID_TARGET("invalid_target"),
    LOGIN_REQUIRED("login_required"),
    CONSENT_REQUIRED("consent_required"),
    ACCESS_DENIED("access_denied"),
    INVALID_REQUEST_OBJECT("invalid_request_object"),
    REQUEST_URI_NOT_SUPPORTED("request_uri_not_supported"),
    /** OpenID Connect Core Error Code unmet_authentication_requirements: an essential acr cannot be met. */
    UNMET_AUTHENTICATION_REQUIREMENTS("unmet_authentication_requirements"),
    /** RFC 6749 §4.1.2.1: the server cannot answer now (its session store does not answer); the client may retry. */
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable");

    private final String code;

    AuthorizationError(String code) {
        this.code = code;
    }

    /** The value of the response's {@code error} parameter. */
    String code() {
        return code;
    }
}

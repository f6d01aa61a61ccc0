package dev.latchkey.oauth.internal.protocol;

/**
 * A refused OAuth request: an RFC 6749 §5.2 (token endpoint) or RFC 6750 §3.1 (protected
 * resource) error code, a description for the client's developer, the HTTP status and, where the
 * spec asks for one, the {@code WWW-Authenticate} challenge. The web layer turns it into
 * {@code {"error", "error_description"}} JSON with {@code Cache-Control: no-store}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-5.2">RFC 6749 §5.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
public class OAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String INVALID_TOKEN = "invalid_token";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    public static final String INVALID_TARGET = "invalid_target";

    /** The realm of every challenge Latchkey sends. */
    public static final String REALM = "latchkey";

    private final String error;
    private final int status;
    private final String challenge;

    public OAuthException(String error, String description, int status, String challenge) {
        super(description);
        this.error = error;
        this.status = status;
        this.challenge = challenge;
    }

    /** 400 {@code invalid_request}: a parameter is missing, repeated, malformed or too long. */
    public static OAuthException invalidRequest(String description) {
        return new OAuthException(INVALID_REQUEST, description, 400, null);
    }

    /**
     * 401 {@code invalid_client}. RFC 6749 §5.2: when the client tried HTTP Basic the server MUST
     * answer 401 with a {@code WWW-Authenticate} header matching that scheme.
     */
    public static OAuthException invalidClient(String description, boolean basicUsed) {
        return new OAuthException(INVALID_CLIENT, description, 401,
                basicUsed ? "Basic realm=\"" + REALM + "\"" : null);
    }

    /** 400 {@code invalid_grant}: the code or refresh token or credentials are not good (any more). */
    public static OAuthException invalidGrant(String description) {
        return new OAuthException(INVALID_GRANT, description, 400, null);
    }

    /** 400 {@code unauthorized_client}: this client may not use this grant type. */
    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(UNAUTHORIZED_CLIENT, description, 400, null);
    }

    /** 400 {@code unsupported_grant_type}. */
    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(UNSUPPORTED_GRANT_TYPE, description, 400, null);
    }

    /** 400 {@code invalid_scope}: unknown, malformed, or wider than allowed. */
    public static OAuthException invalidScope(String description) {
        return new OAuthException(INVALID_SCOPE, description, 400, null);
    }

    /**
     * 400 {@code invalid_target} (RFC 8707 §2): a {@code resource} is malformed, unknown, not for
     * this client, or wider than what was authorized.
     */
    public static OAuthException invalidTarget(String description) {
        return new OAuthException(INVALID_TARGET, description, 400, null);
    }

    /** RFC 6750 §3.1: 400 {@code invalid_request} at a protected resource, with a Bearer challenge. */
    public static OAuthException invalidBearerRequest(String description) {
        return new OAuthException(INVALID_REQUEST, description, 400, bearer(INVALID_REQUEST, description));
    }

    /**
     * RFC 6750 §3.1: a request without any token gets a bare challenge; the error code SHOULD NOT
     * be in the header, so only the body carries one.
     */
    public static OAuthException missingBearerToken() {
        return new OAuthException(INVALID_REQUEST, "A bearer access token is required", 401,
                "Bearer realm=\"" + REALM + "\"");
    }

    /** RFC 6750 §3.1: 401 {@code invalid_token}: expired, revoked, malformed or not ours. */
    public static OAuthException invalidToken(String description) {
        return new OAuthException(INVALID_TOKEN, description, 401, bearer(INVALID_TOKEN, description));
    }

    /** RFC 6750 §3.1: 403 {@code insufficient_scope}. */
    public static OAuthException insufficientScope(String description) {
        return new OAuthException(INSUFFICIENT_SCOPE, description, 403, bearer(INSUFFICIENT_SCOPE, description));
    }

    private static String bearer(String error, String description) {
        // RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E: no quote, no backslash
        String safe = description.replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "'");
        return "Bearer realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\"" + safe + "\"";
    }

    /** The RFC 6749 §5.2 / RFC 6750 §3.1 error code. */
    public String error() {
        return error;
    }

    /** The human-readable {@code error_description}. */
    public String description() {
        return getMessage();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The {@code WWW-Authenticate} value, or null when none is sent. */
    public String challenge() {
        return challenge;
    }
}

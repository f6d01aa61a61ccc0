package dev.latchkey.oauth.api;

/**
 * The {@code WWW-Authenticate} challenges of Latchkey's own REST API ({@code /api}): RFC 6750
 * Bearer challenges that carry RFC 9728's {@code resource_metadata}, the URL of the API's
 * protected resource metadata, so that a client that meets a 401 can discover which
 * authorization server to ask and for which resource.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-5.1">RFC 9728 §5.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3">RFC 6750 §3</a>
 */
public final class ApiChallenges {

    /** Where the protected resource metadata of Latchkey's API is served, below the issuer. */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";
    /** The realm of every challenge Latchkey sends. */
    public static final String REALM = "latchkey";

    private ApiChallenges() {
    }

    /** The URL of the API's protected resource metadata. */
    public static String metadataUrl(String issuer) {
        return issuer + METADATA_PATH;
    }

    /** RFC 6750 §3.1: a request without a token gets no error code, only where to learn more. */
    public static String missingToken(String issuer) {
        return "Bearer realm=\"" + REALM + "\", resource_metadata=\"" + metadataUrl(issuer) + "\"";
    }

    /**
     * RFC 6750 §3.1 {@code invalid_token}; {@code description} must be plain text without quotes
     * or backslashes (Latchkey's own fixed texts).
     */
    public static String invalidToken(String issuer, String description) {
        return "Bearer realm=\"" + REALM + "\", error=\"invalid_token\", error_description=\"" + description
                + "\", resource_metadata=\"" + metadataUrl(issuer) + "\"";
    }
}

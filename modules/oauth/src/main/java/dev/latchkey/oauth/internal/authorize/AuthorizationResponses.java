package dev.latchkey.oauth.internal.authorize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redirect URIs that carry an authorization response to the client: the response's
 * parameters added to the query of the redirect URI, keeping any query it was registered with
 * (RFC 6749 §3.1.2). Every response names the issuer (RFC 9207) and echoes {@code state}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9207#section-2">RFC 9207 §2</a>
 */
final class AuthorizationResponses {

    /** RFC 6749 §4.1.2.1: error_description MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E. */
    private static final String OUTSIDE_DESCRIPTION_CHARSET = "[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]";

    private AuthorizationResponses() {
    }

    /** The successful response; {@code state} is null when the request had none. */
    static String success(String redirectUri, String code, String state, String issuer) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("code", List.of(code));
        return withParameters(redirectUri, parameters, state, issuer);
    }

    /** The error response; {@code state} is null when the request had none. */
    static String error(String redirectUri, AuthorizationException error, String state, String issuer) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("error", List.of(error.error().code()));
        parameters.put("error_description", List.of(error.description().replaceAll(OUTSIDE_DESCRIPTION_CHARSET, "?")));
        return withParameters(redirectUri, parameters, state, issuer);
    }

    private static String withParameters(String redirectUri, Map<String, List<String>> parameters, String state,
                                         String issuer) {
        // RFC 6749 §4.1.2: state is REQUIRED in the response when the request had it
        if (state != null) {
            parameters.put("state", List.of(state));
        }
        // RFC 9207 §2: iss in every authorization response, success or error
        parameters.put("iss", List.of(issuer));
        return appendQuery(redirectUri, FormUrlEncoding.query(parameters));
    }

    /** Adds a query to a URI, after the query it has, if any (RFC 6749 §3.1.2: it MUST be retained). */
    static String appendQuery(String uri, String query) {
        if (uri.indexOf('?') < 0) {
            return uri + "?" + query;
        }
        boolean emptyOrOpen = uri.endsWith("?") || uri.endsWith("&");
        return uri + (emptyOrOpen ? "" : "&") + query;
    }
}

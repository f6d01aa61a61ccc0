package dev.latchkey.oauth.internal.authorize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers that carry an authorization response to the client: by default the response's
 * parameters added to the query of the redirect URI, keeping any query it was registered with
 * (RFC 6749 §3.1.2); with {@code response_mode=form_post} a form that posts them to the redirect
 * URI. Every response names the issuer (RFC 9207) and echoes {@code state}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9207#section-2">RFC 9207 §2</a>
 * @see <a href="https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode">OAuth 2.0 Form Post Response Mode §2</a>
 */
final class AuthorizationResponses {

    /** RFC 6749 §4.1.2.1: error_description MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E. */
    private static final String OUTSIDE_DESCRIPTION_CHARSET = "[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]";

    private AuthorizationResponses() {
    }

    /** The successful response in the mode asked for; {@code state} is null when the request had none. */
    static AuthorizationAnswer success(boolean formPost, String redirectUri, String code, String state,
                                       String issuer) {
        return answer(formPost, redirectUri, successParameters(code, state, issuer));
    }

    /** The error response in the mode asked for. */
    static AuthorizationAnswer error(boolean formPost, String redirectUri, AuthorizationException error,
                                     String state, String issuer) {
        return answer(formPost, redirectUri, errorParameters(error, state, issuer));
    }

    private static AuthorizationAnswer answer(boolean formPost, String redirectUri, Map<String, String> parameters) {
        // Form Post Response Mode §2: the parameters as HTML form values, POSTed to the redirect URI
        return formPost ? new AuthorizationAnswer.FormPost(redirectUri, parameters)
                : new AuthorizationAnswer.Redirect(inQuery(redirectUri, parameters));
    }

    private static Map<String, String> successParameters(String code, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        return withStateAndIssuer(parameters, state, issuer);
    }

    private static Map<String, String> errorParameters(AuthorizationException error, String state, String issuer) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.error().code());
        parameters.put("error_description", error.description().replaceAll(OUTSIDE_DESCRIPTION_CHARSET, "?"));
        return withStateAndIssuer(parameters, state, issuer);
    }

    private static Map<String, String> withStateAndIssuer(Map<String, String> parameters, String state, String issuer) {
        // RFC 6749 §4.1.2: state is REQUIRED in the response when the request had it
        if (state != null) {
            parameters.put("state", state);
        }
        // RFC 9207 §2: iss in every authorization response, success or error
        parameters.put("iss", issuer);
        return parameters;
    }

    private static String inQuery(String redirectUri, Map<String, String> parameters) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        parameters.forEach((name, value) -> query.put(name, List.of(value)));
        return appendQuery(redirectUri, FormUrlEncoding.query(query));
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

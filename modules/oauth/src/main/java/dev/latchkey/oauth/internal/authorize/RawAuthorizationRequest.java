package dev.latchkey.oauth.internal.authorize;

import java.util.List;
import java.util.Map;

/**
 * An authorization request as the browser sent it, before any check: its decoded parameters,
 * the path and query to come back to after login, and the session cookie's value (null without
 * one).
 *
 * @param parameters    the query parameters (GET) or form fields (POST), decoded
 * @param path          the request's path, e.g. {@code /authorize}
 * @param query         the query string of an equivalent GET request, encoded
 * @param sessionCookie the value of the session cookie, null when the browser sent none
 */
public record RawAuthorizationRequest(Map<String, List<String>> parameters, String path, String query,
                                      String sessionCookie) {

    /** A form POST (OIDC Core §3.1.2.1): the way back after login is the equivalent GET. */
    public static RawAuthorizationRequest ofForm(Map<String, List<String>> form, String path, String sessionCookie) {
        return new RawAuthorizationRequest(form, path, FormUrlEncoding.query(form), sessionCookie);
    }
}

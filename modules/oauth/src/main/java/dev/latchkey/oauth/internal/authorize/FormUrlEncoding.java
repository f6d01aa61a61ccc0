package dev.latchkey.oauth.internal.authorize;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code application/x-www-form-urlencoded} query strings, as the authorization response's
 * parameters are added to the redirect URI.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 */
final class FormUrlEncoding {

    private FormUrlEncoding() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code name=value} pairs joined by {@code &}, in map order, a repeated name once per value. */
    static String query(Map<String, ? extends List<String>> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value -> query.add(encode(name) + "=" + encode(value))));
        return query.toString();
    }
}

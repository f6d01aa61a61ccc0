package dev.latchkey.kernel.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page whose form the browser POSTs to {@code action} with {@code fields}, at once with
 * JavaScript and by a visible button without: how a module that renders no pages answers in
 * the OAuth 2.0 Form Post Response Mode. A resource returns it as its entity; the server
 * renders it as HTML.
 *
 * @param action the absolute URI the form posts to
 * @param fields the form's hidden fields, in order
 * @see <a href="https://openid.net/specs/oauth-v2-form-post-response-mode-1_0.html#FormPostResponseMode">OAuth 2.0 Form Post Response Mode §2</a>
 */
public record FormPostResponse(String action, Map<String, String> fields) {

    public FormPostResponse {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}

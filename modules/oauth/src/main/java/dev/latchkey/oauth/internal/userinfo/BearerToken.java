package dev.latchkey.oauth.internal.userinfo;

import dev.latchkey.oauth.internal.protocol.AuthorizationHeader;
import dev.latchkey.oauth.internal.protocol.FormBody;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the bearer token of a request: the {@code Authorization: Bearer} header (RFC 6750 §2.1)
 * or, on a form POST, the {@code access_token} parameter (§2.2). RFC 6750 §2: clients MUST NOT
 * use more than one method per request.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-2">RFC 6750 §2</a>
 */
public final class BearerToken {

    /** RFC 6750 §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
    private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
    static final int MAX_LENGTH = 8192;

    private BearerToken() {
    }

    /**
     * The token of the header or the form value (null when the request had no form). No token is
     * a bare 401 challenge; two, or a malformed one, are {@code invalid_request}.
     */
    public static String extract(String authorization, String formToken) {
        String headerToken = AuthorizationHeader.credentials(authorization, "Bearer").orElse(null);
        if (headerToken != null && formToken != null) {
            throw OAuthException.invalidBearerRequest("Send the access token in one place, not two");
        }
        String token = headerToken != null ? headerToken : formToken;
        if (token == null) {
            throw OAuthException.missingBearerToken();
        }
        if (token.length() > MAX_LENGTH || !B64TOKEN.matcher(token).matches()) {
            throw OAuthException.invalidBearerRequest("The access token is malformed");
        }
        return token;
    }

    /**
     * RFC 6750 §2.2: the {@code access_token} of a form-encoded body; null when there is none,
     * {@code invalid_request} when it is repeated.
     */
    public static String fromForm(String body) {
        List<String> values = FormBody.parse(body).getOrDefault("access_token", List.of()).stream()
                .filter(value -> !value.isEmpty()).toList();
        if (values.size() > 1) {
            throw OAuthException.invalidBearerRequest("The parameter access_token is repeated");
        }
        return values.isEmpty() ? null : values.get(0);
    }
}

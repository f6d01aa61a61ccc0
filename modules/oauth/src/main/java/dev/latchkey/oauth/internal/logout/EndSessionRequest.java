package dev.latchkey.oauth.internal.logout;

import dev.latchkey.kernel.api.ErrorPageException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an end-session request, each at most once and of bounded length; a
 * parameter sent without a value counts as omitted. {@code ui_locales} and {@code logout_hint}
 * are checked like the others: the page picks its language from the first itself, and the second
 * changes nothing (a browser has one session, so there is no choice of whom to log out).
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout §2</a>
 */
record EndSessionRequest(String idTokenHint, String clientId, String postLogoutRedirectUri, String state) {

    static final String ID_TOKEN_HINT = "id_token_hint";
    static final String CLIENT_ID = "client_id";
    static final String POST_LOGOUT_REDIRECT_URI = "post_logout_redirect_uri";
    static final String STATE = "state";
    static final String UI_LOCALES = "ui_locales";
    static final String LOGOUT_HINT = "logout_hint";
    private static final Set<String> SINGLE_VALUED = Set.of(ID_TOKEN_HINT, CLIENT_ID, POST_LOGOUT_REDIRECT_URI, STATE,
            UI_LOCALES, LOGOUT_HINT);

    /** The longest {@code id_token_hint}: an RS256 ID token with every standard claim fits several times. */
    static final int MAX_HINT_LENGTH = 8192;
    /** The longest value of any other parameter. */
    static final int MAX_VALUE_LENGTH = 2048;

    /** The request the parameters state; an {@code invalid_request} error page when one is repeated or too long. */
    static EndSessionRequest of(Map<String, List<String>> parameters) {
        for (String name : SINGLE_VALUED) {
            List<String> values = nonEmpty(parameters.get(name));
            if (values.size() > 1) {
                throw invalid(name + " is repeated");
            }
            int max = name.equals(ID_TOKEN_HINT) ? MAX_HINT_LENGTH : MAX_VALUE_LENGTH;
            if (!values.isEmpty() && values.get(0).length() > max) {
                throw invalid(name + " is longer than " + max + " characters");
            }
        }
        return new EndSessionRequest(value(parameters, ID_TOKEN_HINT), value(parameters, CLIENT_ID),
                value(parameters, POST_LOGOUT_REDIRECT_URI), value(parameters, STATE));
    }

    private static List<String> nonEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().filter(value -> value != null && !value.isEmpty()).toList();
    }

    private static String value(Map<String, List<String>> parameters, String name) {
        List<String> values = nonEmpty(parameters.get(name));
        return values.isEmpty() ? null : values.get(0);
    }

    static ErrorPageException invalid(String detail) {
        return new ErrorPageException(400, "invalid_request", detail);
    }
}

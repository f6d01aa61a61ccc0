package dev.latchkey.oauth.internal.authorize;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded parameters of an authorization request, from the query (GET) or the form body
 * (POST, OIDC Core §3.1.2.1). A parameter sent without a value is dropped, as if omitted.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.1">RFC 6749 §3.1</a>
 */
final class AuthorizationParameters {

    static final String CLIENT_ID = "client_id";
    static final String REDIRECT_URI = "redirect_uri";
    static final String RESPONSE_TYPE = "response_type";
    static final String RESPONSE_MODE = "response_mode";
    static final String SCOPE = "scope";
    static final String STATE = "state";
    static final String NONCE = "nonce";
    static final String CODE_CHALLENGE = "code_challenge";
    static final String CODE_CHALLENGE_METHOD = "code_challenge_method";
    static final String PROMPT = "prompt";
    static final String MAX_AGE = "max_age";
    static final String LOGIN_HINT = "login_hint";
    static final String UI_LOCALES = "ui_locales";
    static final String REQUEST = "request";
    static final String REQUEST_URI = "request_uri";
    /** RFC 8707 §2: may be repeated, one value per resource. */
    static final String RESOURCE = "resource";
    static final String CLAIMS = "claims";
    static final String ACR_VALUES = "acr_values";
    static final String ID_TOKEN_HINT = "id_token_hint";
    static final String DISPLAY = "display";

    /** The longest value accepted; longer ones are refused (and bound URLs and stored codes). */
    static final int MAX_VALUE_LENGTH = 2048;

    private final Map<String, List<String>> values;

    private AuthorizationParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static AuthorizationParameters of(Map<String, List<String>> raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        raw.forEach((name, given) -> {
            // RFC 6749 §3.1: parameters sent without a value MUST be treated as omitted
            List<String> nonEmpty = given.stream().filter(value -> value != null && !value.isEmpty()).toList();
            if (!nonEmpty.isEmpty()) {
                values.put(name, nonEmpty);
            }
        });
        return new AuthorizationParameters(Collections.unmodifiableMap(values));
    }

    /** The value of a parameter given exactly once; empty when absent or repeated. */
    Optional<String> single(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.size() == 1 ? Optional.of(given.get(0)) : Optional.empty();
    }

    /** Every value of a parameter, in request order; empty when absent. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean isRepeated(String name) {
        return values.getOrDefault(name, List.of()).size() > 1;
    }

    /**
     * These parameters with those of a verified request object in place of the query's (OIDC
     * Core §6.3.3: the object's values are used even when the query has the same parameter),
     * without the {@code request} parameter itself.
     */
    AuthorizationParameters withRequestObject(Map<String, String> objectParameters) {
        Map<String, List<String>> merged = new LinkedHashMap<>(values);
        merged.remove(REQUEST);
        objectParameters.forEach((name, value) -> merged.put(name, List.of(value)));
        return of(merged);
    }

    /** Every parameter with a value, in request order. */
    Map<String, List<String>> asMap() {
        return values;
    }
}

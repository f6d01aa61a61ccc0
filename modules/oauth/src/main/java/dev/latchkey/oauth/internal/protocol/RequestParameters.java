package dev.latchkey.oauth.internal.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of an OAuth request after the checks every endpoint shares: none repeated
 * (RFC 6749 §3.2: parameters MUST NOT be included more than once) except {@code resource}, which
 * RFC 8707 §2 lets a client repeat, empty ones treated as absent
 * (RFC 6749 §3.1: parameters sent without a value MUST be treated as if they were omitted), and
 * none longer than 2,048 characters, or 8,192 for the parameters that carry tokens.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
public final class RequestParameters {

    static final int MAX_LENGTH = 2048;
    static final int MAX_TOKEN_LENGTH = 8192;
    static final int MAX_PARAMETERS = 64;
    private static final Set<String> TOKEN_PARAMETERS = Set.of("refresh_token", "access_token", "token",
            "assertion", "client_assertion", "subject_token", "actor_token");
    /** RFC 8707 §2: the resource parameter may be used multiple times. */
    private static final Set<String> REPEATABLE = Set.of("resource");

    private final Map<String, List<String>> values;

    private RequestParameters(Map<String, List<String>> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Checks and flattens every value of every name; throws {@code invalid_request}. */
    public static RequestParameters of(Map<String, List<String>> raw) {
        if (raw.size() > MAX_PARAMETERS) {
            throw OAuthException.invalidRequest("Too many parameters");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : raw.entrySet()) {
            String name = entry.getKey();
            List<String> given = entry.getValue().stream().filter(value -> value != null && !value.isEmpty()).toList();
            if (given.size() > 1 && !REPEATABLE.contains(name)) {
                throw OAuthException.invalidRequest("The parameter " + name + " is repeated");
            }
            if (given.isEmpty()) {
                continue;
            }
            int limit = TOKEN_PARAMETERS.contains(name) ? MAX_TOKEN_LENGTH : MAX_LENGTH;
            if (given.stream().anyMatch(value -> value.length() > limit)) {
                throw OAuthException.invalidRequest("The parameter " + name + " is longer than " + limit + " characters");
            }
            values.put(name, List.copyOf(given));
        }
        return new RequestParameters(values);
    }

    /** The value of an optional parameter. */
    public Optional<String> get(String name) {
        List<String> given = values.get(name);
        return given == null ? Optional.empty() : Optional.of(given.get(0));
    }

    /** Every value of a parameter that may be repeated ({@code resource}); empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value of a required parameter, or {@code invalid_request} naming it. */
    public String require(String name) {
        return get(name).orElseThrow(() -> OAuthException.invalidRequest("The parameter " + name + " is missing"));
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}

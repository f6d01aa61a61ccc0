package dev.latchkey.oauth.internal.claims;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an authorization request asks of the claims, reduced to what Latchkey knows: the user
 * claims wanted in the ID token and from userinfo (the {@code claims} parameter, OIDC Core §5.5),
 * the authentication context classes in order of preference and whether one is essential (the
 * {@code acr} member, §5.5.1.1, and {@code acr_values}, §3.1.2.1), and the subject the ID token
 * must be about ({@code sub} with a {@code value}, §5.5.1). Unknown claims and members are
 * ignored, as §5.5 asks. Kept with the code and the refresh token in the form {@link #toJson()}
 * writes, which {@link #parse} reads back (without the subject, which only the authorization
 * endpoint needs).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClaimsParameter">OIDC Core §5.5</a>
 */
public record ClaimsRequest(Set<String> idToken, Set<String> userinfo, List<String> acrValues, boolean acrEssential,
                            String subject) {

    /** Nothing asked. */
    public static final ClaimsRequest NONE = new ClaimsRequest(Set.of(), Set.of(), List.of(), false, null);

    private static final String ID_TOKEN = "id_token";
    private static final String USERINFO = "userinfo";
    private static final String ACR = "acr";
    private static final String SUB = "sub";
    private static final String ESSENTIAL = "essential";
    private static final String VALUE = "value";
    private static final String VALUES = "values";

    public ClaimsRequest {
        idToken = Collections.unmodifiableSet(new LinkedHashSet<>(idToken));
        userinfo = Collections.unmodifiableSet(new LinkedHashSet<>(userinfo));
        acrValues = List.copyOf(acrValues);
    }

    /**
     * Reads a {@code claims} parameter; throws {@link IllegalArgumentException} with the reason
     * when it is no JSON object, or a member has the wrong type.
     */
    public static ClaimsRequest parse(String json) {
        Map<String, Object> root = null;
        try {
            // the parser is lenient with a bare string: only what opens as an object can be one
            root = json.strip().startsWith("{") ? JSONObjectUtils.parse(json) : null;
        } catch (ParseException | RuntimeException e) {
            // refused below
        }
        if (root == null) {
            throw new IllegalArgumentException("claims is not a JSON object");
        }
        Map<String, Object> idToken = object(root.get(ID_TOKEN), ID_TOKEN);
        Map<String, Object> userinfo = object(root.get(USERINFO), USERINFO);
        checkRequests(idToken, ID_TOKEN);
        checkRequests(userinfo, USERINFO);
        Map<String, Object> acr = object(idToken.get(ACR), ID_TOKEN + ".acr");
        String subject = text(object(idToken.get(SUB), ID_TOKEN + ".sub").get(VALUE), ID_TOKEN + ".sub.value");
        List<String> acrValues = new ArrayList<>();
        String acrValue = text(acr.get(VALUE), ID_TOKEN + ".acr.value");
        if (acrValue != null) {
            acrValues.add(acrValue);
        }
        acrValues.addAll(texts(acr.get(VALUES), ID_TOKEN + ".acr.values"));
        return new ClaimsRequest(known(idToken), known(userinfo), acrValues, Boolean.TRUE.equals(acr.get(ESSENTIAL)),
                subject);
    }

    /** The request stored as {@code json} by {@link #toJson()}; {@link #NONE} for null. */
    public static ClaimsRequest fromJson(String json) {
        return json == null ? NONE : parse(json);
    }

    /** This request with {@code acr_values} added after the classes it already prefers. */
    public ClaimsRequest withAcrValues(List<String> values) {
        Set<String> merged = new LinkedHashSet<>(acrValues);
        merged.addAll(values);
        return new ClaimsRequest(idToken, userinfo, List.copyOf(merged), acrEssential, subject);
    }

    /**
     * The stored form: a {@code claims} parameter of what Latchkey uses later, with only the
     * {@code acr} values it can assert; null when nothing is asked.
     */
    public String toJson() {
        Map<String, Object> idTokenMembers = requested(idToken);
        List<String> assertable = acrValues.stream().filter(AuthenticationContexts.SUPPORTED::contains).toList();
        if (acrEssential || !assertable.isEmpty()) {
            Map<String, Object> acr = new LinkedHashMap<>();
            if (acrEssential) {
                acr.put(ESSENTIAL, true);
            }
            if (!assertable.isEmpty()) {
                acr.put(VALUES, assertable);
            }
            idTokenMembers.put(ACR, acr);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (!idTokenMembers.isEmpty()) {
            root.put(ID_TOKEN, idTokenMembers);
        }
        if (!userinfo.isEmpty()) {
            root.put(USERINFO, requested(userinfo));
        }
        return root.isEmpty() ? null : JSONObjectUtils.toJSONString(root);
    }

    /** Each claim requested in the default manner: an empty object is the same as null (§5.5). */
    private static Map<String, Object> requested(Set<String> names) {
        Map<String, Object> members = new LinkedHashMap<>();
        names.forEach(name -> members.put(name, Map.of()));
        return members;
    }

    private static Set<String> known(Map<String, Object> members) {
        Set<String> known = new LinkedHashSet<>(members.keySet());
        known.retainAll(StandardClaims.NAMES);
        return known;
    }

    /** OIDC Core §5.5.1: {@code essential} is a boolean, {@code values} an array. */
    private static void checkRequests(Map<String, Object> members, String where) {
        members.forEach((name, value) -> {
            Map<String, Object> request = object(value, where + "." + name);
            Object essential = request.get(ESSENTIAL);
            if (essential != null && !(essential instanceof Boolean)) {
                throw new IllegalArgumentException(where + "." + name + ".essential must be true or false");
            }
            Object values = request.get(VALUES);
            if (values != null && !(values instanceof List<?>)) {
                throw new IllegalArgumentException(where + "." + name + ".values must be an array");
            }
        });
    }

    /** A member that must be an object or null (null and absent are the empty object). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + " must be a JSON object or null");
        }
        return (Map<String, Object>) value;
    }

    private static String text(Object value, String where) {
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(where + " must be a string");
        }
        return (String) value;
    }

    private static List<String> texts(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + " must be an array of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }
}

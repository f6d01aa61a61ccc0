package dev.latchkey.oauth.internal.authorize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Authorization requests and checks of the answers, for the authorization endpoint's tests. */
final class TestRequests {

    /** An S256 challenge: the one of RFC 7636 Appendix B. */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private TestRequests() {
    }

    /** Raw parameters from name, value pairs; a name may come back to repeat it. */
    static Map<String, List<String>> raw(String... namesAndValues) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            raw.computeIfAbsent(namesAndValues[i], name -> new ArrayList<>()).add(namesAndValues[i + 1]);
        }
        return raw;
    }

    static AuthorizationParameters parameters(String... namesAndValues) {
        return AuthorizationParameters.of(raw(namesAndValues));
    }

    static AuthorizationContext context(RegisteredClient client, String... namesAndValues) {
        return new AuthorizationContext(parameters(namesAndValues), client, client.redirectUris().get(0));
    }

    /** Runs {@code call}, expecting it to be refused with {@code error}; returns the refusal. */
    static AuthorizationException assertRefused(AuthorizationError error, Executable call) {
        AuthorizationException refusal = assertThrows(AuthorizationException.class, call);
        assertEquals(error, refusal.error());
        return refusal;
    }

    /** The part of a URI before its query. */
    static String withoutQuery(String uri) {
        int question = uri.indexOf('?');
        return question < 0 ? uri : uri.substring(0, question);
    }

    /** The decoded query parameters of a URI, in order; a repeated name keeps its last value. */
    static Map<String, String> query(String uri) {
        Map<String, String> query = new LinkedHashMap<>();
        int question = uri.indexOf('?');
        if (question < 0) {
            return query;
        }
        for (String pair : uri.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            query.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizationResponsesTest {

    private static final String ISSUER = "https://id.example";

    private static String redirect(AuthorizationAnswer answer) {
        return ((AuthorizationAnswer.Redirect) answer).location();
    }

    @Test
    void successWhenStateThenCodeStateAndIssInOrder() {
        assertEquals("https://app.example/cb?code=abc&state=xyz&iss=https%3A%2F%2Fid.example",
                redirect(AuthorizationResponses.success(false, "https://app.example/cb", "abc", "xyz", ISSUER)));
    }

    @Test
    void successWhenNoStateThenNoStateParameter() {
        assertEquals("https://app.example/cb?code=abc&iss=https%3A%2F%2Fid.example",
                redirect(AuthorizationResponses.success(false, "https://app.example/cb", "abc", null, ISSUER)));
    }

    @Test
    void successWhenRedirectUriHasQueryThenKeptAndExtended() {
        assertEquals("https://app.example/cb?tenant=a%20b&code=abc&iss=https%3A%2F%2Fid.example",
                redirect(AuthorizationResponses.success(false, "https://app.example/cb?tenant=a%20b", "abc", null, ISSUER)));
    }

    @Test
    void successWhenStateHasReservedCharactersThenEncodedAndDecodesBack() {
        String state = "a b&c=d+e/f?g#h%i été";

        String location = redirect(AuthorizationResponses.success(false, "https://app.example/cb", "abc", state, ISSUER));

        assertEquals(Map.of("code", "abc", "state", state, "iss", ISSUER), query(location));
    }

    @Test
    void errorWhenRefusedThenErrorDescriptionStateAndIss() {
        String location = redirect(AuthorizationResponses.error(false, "https://app.example/cb",
                new AuthorizationException(AuthorizationError.INVALID_SCOPE, "scopes not allowed: admin"), "xyz",
                ISSUER));

        assertEquals("https://app.example/cb?error=invalid_scope&error_description=scopes+not+allowed%3A+admin"
                + "&state=xyz&iss=https%3A%2F%2Fid.example", location);
    }

    @Test
    void errorWhenDescriptionHasCharactersOutsideRfc6749CharsetThenReplaced() {
        String location = redirect(AuthorizationResponses.error(false, "https://app.example/cb",
                new AuthorizationException(AuthorizationError.INVALID_REQUEST, "bad \"x\\y\" é\n§"), null, ISSUER));

        assertEquals("bad ?x?y? ???", query(location).get("error_description"));
    }

    @Test
    void appendQueryWhenNoQueryThenQuestionMark() {
        assertEquals("https://app.example/cb?a=1", AuthorizationResponses.appendQuery("https://app.example/cb", "a=1"));
    }

    @Test
    void appendQueryWhenQueryThenAmpersand() {
        assertEquals("https://app.example/cb?t=x&a=1",
                AuthorizationResponses.appendQuery("https://app.example/cb?t=x", "a=1"));
    }

    @Test
    void appendQueryWhenEmptyQueryThenNoExtraSeparator() {
        assertEquals("https://app.example/cb?a=1", AuthorizationResponses.appendQuery("https://app.example/cb?", "a=1"));
    }

    @Test
    void appendQueryWhenQueryEndsWithAmpersandThenNoExtraSeparator() {
        assertEquals("https://app.example/cb?t=x&a=1",
                AuthorizationResponses.appendQuery("https://app.example/cb?t=x&", "a=1"));
    }

    @Test
    void appendQueryWhenCustomSchemeThenSameRules() {
        assertEquals("com.example.app:/oauth2redirect?a=1",
                AuthorizationResponses.appendQuery("com.example.app:/oauth2redirect", "a=1"));
    }
}

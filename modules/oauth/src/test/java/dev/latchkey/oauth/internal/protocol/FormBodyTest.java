package dev.latchkey.oauth.internal.protocol;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void parseDecodesEveryValueOfEveryName() {
        Map<String, List<String>> form = FormBody.parse("a=1&b=x+y%21&a=2&flag&&c=");
        assertEquals(List.of("1", "2"), form.get("a"));
        assertEquals(List.of("x y!"), form.get("b"));
        assertEquals(List.of(""), form.get("flag"));
        assertEquals(List.of(""), form.get("c"));
    }

    @Test
    void parseWhenEmptyThenNoParameters() {
        assertTrue(FormBody.parse(null).isEmpty());
        assertTrue(FormBody.parse("").isEmpty());
    }

    @Test
    void parseWhenBadEscapeThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> FormBody.parse("a=%zz"));
    }
}

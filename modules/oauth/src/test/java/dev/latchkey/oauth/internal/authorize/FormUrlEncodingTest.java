package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormUrlEncodingTest {

    @Test
    void encodeWhenReservedCharactersThenPercentEncodedAndSpaceAsPlus() {
        assertEquals("a+b%26c%3Dd%3F%2F%23%25", FormUrlEncoding.encode("a b&c=d?/#%"));
    }

    @Test
    void encodeWhenNonAsciiThenUtf8PercentEncoded() {
        assertEquals("%C3%A9t%C3%A9", FormUrlEncoding.encode("été"));
    }

    @Test
    void encodeWhenUnreservedThenUnchanged() {
        assertEquals("AZaz09-_.", FormUrlEncoding.encode("AZaz09-_."));
    }

    @Test
    void queryWhenSeveralThenPairsInOrderJoinedByAmpersand() {
        assertEquals("response_type=code&scope=openid+profile&redirect_uri=https%3A%2F%2Fapp.example%2Fcb",
                FormUrlEncoding.query(raw("response_type", "code", "scope", "openid profile",
                        "redirect_uri", "https://app.example/cb")));
    }

    @Test
    void queryWhenNameRepeatedThenOncePerValue() {
        assertEquals("a=1&a=2", FormUrlEncoding.query(raw("a", "1", "a", "2")));
    }

    @Test
    void queryWhenEmptyThenEmpty() {
        assertEquals("", FormUrlEncoding.query(Map.of()));
    }
}

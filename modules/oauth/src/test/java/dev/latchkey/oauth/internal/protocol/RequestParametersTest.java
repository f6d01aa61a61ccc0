package dev.latchkey.oauth.internal.protocol;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestParametersTest {

    @Test
    void ofWhenEachOnceThenValues() {
        RequestParameters parameters = RequestParameters.of(form("grant_type", "refresh_token", "scope", "openid"));
        assertEquals("refresh_token", parameters.require("grant_type"));
        assertEquals("openid", parameters.get("scope").orElseThrow());
        assertTrue(parameters.has("scope"));
    }

    @Test
    void ofWhenRepeatedThenInvalidRequestNamingIt() {
        assertTrue(assertOAuthError("invalid_request", () -> RequestParameters.of(form("code", "a", "code", "b")))
                .description().contains("code"));
    }

    @Test
    void ofWhenResourceRepeatedThenEveryValueInOrder() {
        // RFC 8707 §2: resource may be repeated
        RequestParameters parameters = RequestParameters.of(form("resource", "https://a.example", "resource", "",
                "resource", "https://b.example"));
        assertEquals(List.of("https://a.example", "https://b.example"), parameters.all("resource"));
        assertEquals(List.of(), parameters.all("audience"));
        assertOAuthError("invalid_request", () -> RequestParameters.of(form("resource", "https://a.example/"
                + "a".repeat(2048))));
    }

    @Test
    void ofWhenEmptyValueThenTreatedAsAbsent() {
        RequestParameters parameters = RequestParameters.of(form("scope", "", "code", "a", "code", ""));
        assertFalse(parameters.has("scope"));
        assertEquals("a", parameters.require("code"));
        assertOAuthError("invalid_request", () -> parameters.require("scope"));
    }

    @Test
    void ofWhenValueOverLimitThenInvalidRequest() {
        assertEquals(2048, RequestParameters.of(form("state", "s".repeat(2048))).require("state").length());
        assertOAuthError("invalid_request", () -> RequestParameters.of(form("state", "s".repeat(2049))));
    }

    @Test
    void ofWhenTokenParameterThenLongerLimit() {
        assertEquals(8192, RequestParameters.of(form("refresh_token", "t".repeat(8192))).require("refresh_token").length());
        assertOAuthError("invalid_request", () -> RequestParameters.of(form("assertion", "t".repeat(8193))));
    }

    @Test
    void ofWhenTooManyParametersThenInvalidRequest() {
        Map<String, List<String>> many = new HashMap<>();
        for (int i = 0; i <= RequestParameters.MAX_PARAMETERS; i++) {
            many.put("p" + i, List.of("v"));
        }
        assertOAuthError("invalid_request", () -> RequestParameters.of(many));
    }
}

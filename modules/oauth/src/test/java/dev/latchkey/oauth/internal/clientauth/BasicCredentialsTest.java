package dev.latchkey.oauth.internal.clientauth;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicCredentialsTest {

    private static String encode(String raw) {
        return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parseWhenFormEncodedThenDecodesBothParts() {
        // RFC 6749 §2.3.1: id and secret are application/x-www-form-urlencoded before Basic
        BasicCredentials credentials = BasicCredentials.parse(ClientAuthenticatorTest.basic("my app", "s:e+c%r t"))
                .orElseThrow();
        assertEquals("my app", credentials.clientId());
        assertEquals("s:e+c%r t", credentials.secret());
    }

    @Test
    void parseWhenSecretHasColonThenSplitsAtFirst() {
        BasicCredentials credentials = BasicCredentials.parse(encode("app:a:b")).orElseThrow();
        assertEquals("app", credentials.clientId());
        assertEquals("a:b", credentials.secret());
    }

    @Test
    void parseWhenNoHeaderOrOtherSchemeThenEmpty() {
        assertFalse(BasicCredentials.parse(null).isPresent());
        assertFalse(BasicCredentials.parse("Bearer x").isPresent());
        assertFalse(BasicCredentials.parse("Bas").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!notbase64", "Basic "})
    void parseWhenNotBase64ThenInvalidClient(String header) {
        assertTrue(assertOAuthError("invalid_client", () -> BasicCredentials.parse(header)).challenge()
                .startsWith("Basic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nocolon", ":secret", "app:", "app:%zz"})
    void parseWhenMalformedPairThenInvalidClient(String pair) {
        assertOAuthError("invalid_client", () -> BasicCredentials.parse(encode(pair)));
    }

    @Test
    void toStringHidesTheSecret() {
        assertFalse(new BasicCredentials("app", "hunter2").toString().contains("hunter2"));
    }
}

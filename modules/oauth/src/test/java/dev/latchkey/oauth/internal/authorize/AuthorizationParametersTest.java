package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationParametersTest {

    @Test
    void singleWhenGivenOnceThenValue() {
        assertEquals(Optional.of("web-app"), parameters("client_id", "web-app").single("client_id"));
    }

    @Test
    void singleWhenAbsentThenEmpty() {
        assertEquals(Optional.empty(), parameters("client_id", "web-app").single("state"));
    }

    @Test
    void singleWhenRepeatedThenEmptyAndRepeated() {
        AuthorizationParameters parameters = parameters("state", "a", "state", "b");

        assertEquals(Optional.empty(), parameters.single("state"));
        assertTrue(parameters.isRepeated("state"));
        assertTrue(parameters.has("state"));
    }

    @Test
    void ofWhenValueEmptyThenTreatedAsOmitted() {
        AuthorizationParameters parameters = parameters("state", "", "nonce", "n");

        assertFalse(parameters.has("state"));
        assertEquals(Optional.empty(), parameters.single("state"));
        assertEquals(List.of("nonce"), new ArrayList<>(parameters.asMap().keySet()));
    }

    @Test
    void ofWhenRepeatedButOneEmptyThenSingle() {
        AuthorizationParameters parameters = parameters("state", "", "state", "xyz");

        assertFalse(parameters.isRepeated("state"));
        assertEquals(Optional.of("xyz"), parameters.single("state"));
    }

    @Test
    void ofWhenValueNullThenTreatedAsOmitted() {
        AuthorizationParameters parameters = AuthorizationParameters.of(Map.of("state", Arrays.asList((String) null)));

        assertFalse(parameters.has("state"));
    }

    @Test
    void asMapWhenManyThenInRequestOrder() {
        AuthorizationParameters parameters = parameters("response_type", "code", "client_id", "web-app",
                "scope", "openid");

        assertEquals(List.of("response_type", "client_id", "scope"), new ArrayList<>(parameters.asMap().keySet()));
    }
}

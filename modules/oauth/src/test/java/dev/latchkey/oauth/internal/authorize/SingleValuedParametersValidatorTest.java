package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SingleValuedParametersValidatorTest {

    private final SingleValuedParametersValidator validator = new SingleValuedParametersValidator();

    @Test
    void validateWhenEachParameterOnceThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(),
                "response_type", "code", "scope", "openid", "state", "s")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response_type", "scope", "state", "nonce", "code_challenge", "prompt", "unknown_extension"})
    void validateWhenParameterRepeatedThenInvalidRequest(String name) {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "response_type", "code", name, "a", name, "b")));
        assertEquals("parameters included more than once: " + name, refusal.description());
    }

    @Test
    void validateWhenRepeatedButOneValueEmptyThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "state", "", "state", "s")));
    }
}

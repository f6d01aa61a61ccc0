package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterLengthValidatorTest {

    private final ParameterLengthValidator validator = new ParameterLengthValidator();

    @Test
    void validateWhenValueAtLimitThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "state", "s".repeat(2048))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state", "nonce", "scope", "login_hint"})
    void validateWhenValueOverLimitThenInvalidRequest(String name) {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "response_type", "code", name, "x".repeat(2049))));
        assertEquals("parameters longer than 2048 characters: " + name, refusal.description());
    }

    @Test
    void validateWhenOneOfRepeatedValuesOverLimitThenInvalidRequest() {
        assertRefused(AuthorizationError.INVALID_REQUEST, () -> validator.validate(context(webApp(),
                "state", "s", "state", "x".repeat(2049))));
    }
}

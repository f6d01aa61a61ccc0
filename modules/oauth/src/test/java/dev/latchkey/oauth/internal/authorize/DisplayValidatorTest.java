package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayValidatorTest {

    private final DisplayValidator validator = new DisplayValidator();

    @ParameterizedTest
    @ValueSource(strings = {"page", "popup", "touch", "wap"})
    void validateWhenOidcDisplayValueThenAccepted(String display) {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "display", display)));
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PAGE", "page popup", "embedded", " page"})
    void validateWhenOtherValueThenInvalidRequest(String display) {
        assertEquals("display must be one of page popup touch wap", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "display", display))).description());
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseTypeValidatorTest {

    private final ResponseTypeValidator validator = new ResponseTypeValidator();

    @Test
    void validateWhenCodeThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "response_type", "code")));
    }

    @Test
    void validateWhenMissingThenInvalidRequest() {
        assertRefused(AuthorizationError.INVALID_REQUEST, () -> validator.validate(context(webApp())));
    }

    @Test
    void validateWhenEmptyThenInvalidRequest() {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "response_type", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "id_token", "code id_token", "code token", "none", "CODE", " code"})
    void validateWhenOtherThanCodeThenUnsupportedResponseType(String responseType) {
        assertRefused(AuthorizationError.UNSUPPORTED_RESPONSE_TYPE,
                () -> validator.validate(context(webApp(), "response_type", responseType)));
    }
}

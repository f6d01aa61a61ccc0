package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseModeValidatorTest {

    private final ResponseModeValidator validator = new ResponseModeValidator();

    @Test
    void validateWhenResponseModeAbsentThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "response_type", "code")));
    }

    @Test
    void validateWhenQueryThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "response_mode", "query")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fragment", "form_post", "query.jwt", "QUERY"})
    void validateWhenOtherModeThenInvalidRequest(String mode) {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "response_mode", mode)));
    }
}

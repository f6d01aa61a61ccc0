package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void validateWhenFormPostThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "response_mode", "form_post")));
    }

    @Test
    void formPostWhenFormPostThenTrueOtherwiseFalse() {
        assertTrue(ResponseModeValidator.formPost(TestRequests.parameters("response_mode", "form_post")));
        assertFalse(ResponseModeValidator.formPost(TestRequests.parameters("response_mode", "query")));
        assertFalse(ResponseModeValidator.formPost(TestRequests.parameters("response_mode", "FORM_POST")));
        assertFalse(ResponseModeValidator.formPost(TestRequests.parameters()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fragment", "form_post.jwt", "query.jwt", "QUERY"})
    void validateWhenOtherModeThenInvalidRequest(String mode) {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "response_mode", mode)));
    }
}

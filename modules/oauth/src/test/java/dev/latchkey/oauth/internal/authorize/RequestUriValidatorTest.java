package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class RequestUriValidatorTest {

    private final RequestUriValidator validator = new RequestUriValidator();

    @Test
    void validateWhenNoRequestUriThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "response_type", "code")));
    }

    @Test
    void validateWhenRequestUriThenRequestUriNotSupported() {
        assertRefused(AuthorizationError.REQUEST_URI_NOT_SUPPORTED,
                () -> validator.validate(context(webApp(), "request_uri", "https://app.example/r/1")));
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxAgeValidatorTest {

    private final MaxAgeValidator validator = new MaxAgeValidator();

    @Test
    void validateWhenMaxAgeAbsentThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "3600", "9999999999"})
    void validateWhenNonNegativeIntegerThenAccepted(String maxAge) {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "max_age", maxAge)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+5", "1.5", "1e3", "abc", " 5", "10000000000"})
    void validateWhenNotANonNegativeIntegerThenInvalidRequest(String maxAge) {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "max_age", maxAge)));
        assertEquals("max_age must be a non-negative integer of seconds", refusal.description());
    }

    @Test
    void maxAgeWhenGivenThenSeconds() {
        assertEquals(Optional.of(3600L), MaxAgeValidator.maxAge(parameters("max_age", "3600")));
    }

    @Test
    void maxAgeWhenAbsentThenEmpty() {
        assertEquals(Optional.empty(), MaxAgeValidator.maxAge(parameters()));
    }
}

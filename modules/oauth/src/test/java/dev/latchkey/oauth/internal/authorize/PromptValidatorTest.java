package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptValidatorTest {

    private final PromptValidator validator = new PromptValidator();

    @Test
    void validateWhenPromptAbsentThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "login", "consent", "select_account", "login consent", "consent  select_account"})
    void validateWhenKnownValuesThenAccepted(String prompt) {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "prompt", prompt)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none login", "consent none", "none select_account"})
    void validateWhenNoneCombinedWithOtherValuesThenInvalidRequest(String prompt) {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "prompt", prompt)));
        assertEquals("prompt=none must not be combined with other values", refusal.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"create", "NONE", "login bogus"})
    void validateWhenUnknownValueThenInvalidRequest(String prompt) {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "prompt", prompt)));
    }

    @Test
    void promptsWhenSpaceDelimitedThenEachValue() {
        assertEquals(Set.of("login", "consent"), PromptValidator.prompts(parameters("prompt", " login  consent")));
    }

    @Test
    void promptsWhenAbsentThenEmpty() {
        assertEquals(Set.of(), PromptValidator.prompts(parameters()));
    }
}

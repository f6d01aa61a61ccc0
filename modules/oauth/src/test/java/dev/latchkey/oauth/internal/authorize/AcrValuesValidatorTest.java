package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcrValuesValidatorTest {

    private final AcrValuesValidator validator = new AcrValuesValidator();

    @ParameterizedTest
    @ValueSource(strings = {"urn:latchkey:acr:pwd", "0", "1 urn:mace:incommon:iap:silver", "a  b"})
    void validateWhenVisibleValuesThenAccepted(String values) {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "acr_values", values)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\tb", "caf\u00e9", "a\u0000", "x\ny"})
    void validateWhenControlOrNonAsciiCharactersThenInvalidRequest(String values) {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "acr_values", values)));
    }

    @Test
    void acrValuesWhenGivenThenInOrderWithoutRepeatsElseEmpty() {
        assertEquals(List.of("b", "a"), AcrValuesValidator.acrValues(parameters("acr_values", "b a  b")));
        assertEquals(List.of(), AcrValuesValidator.acrValues(parameters()));
    }
}

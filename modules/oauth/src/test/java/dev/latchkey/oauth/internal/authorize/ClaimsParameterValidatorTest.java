package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimsParameterValidatorTest {

    private final ClaimsParameterValidator validator = new ClaimsParameterValidator();

    @Test
    void validateWhenAbsentOrWellFormedThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "claims",
                "{\"userinfo\":{\"address\":null,\"x-unknown\":{\"essential\":true}},\"id_token\":{\"email\":{}}}")));
    }

    @Test
    void validateWhenMalformedJsonThenInvalidRequest() {
        assertEquals("claims is not a JSON object", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "claims", "{\"userinfo\":"))).description());
    }

    @Test
    void validateWhenWrongTypeThenInvalidRequestNamingTheMember() {
        assertEquals("userinfo.email.essential must be true or false", assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "claims", "{\"userinfo\":{\"email\":{\"essential\":1}}}")))
                .description());
    }

    @Test
    void claimsWhenAcrValuesToo() {
        assertEquals(new ClaimsRequest(Set.of(), Set.of("email"), List.of("a", "b"), false, null),
                ClaimsParameterValidator.claims(parameters("claims", "{\"userinfo\":{\"email\":null}}",
                        "acr_values", "a b")));
        assertEquals(ClaimsRequest.NONE, ClaimsParameterValidator.claims(parameters()));
    }
}

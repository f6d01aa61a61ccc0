package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.withGrantTypes;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class AuthorizationCodeGrantValidatorTest {

    private final AuthorizationCodeGrantValidator validator = new AuthorizationCodeGrantValidator();

    @Test
    void validateWhenClientAllowedCodeGrantThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @Test
    void validateWhenClientOnlyAllowedClientCredentialsThenUnauthorizedClient() {
        assertRefused(AuthorizationError.UNAUTHORIZED_CLIENT,
                () -> validator.validate(context(withGrantTypes(webApp(), "client_credentials"))));
    }
}

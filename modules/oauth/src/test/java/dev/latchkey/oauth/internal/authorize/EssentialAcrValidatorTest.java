package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

class EssentialAcrValidatorTest {

    private final EssentialAcrValidator validator = new EssentialAcrValidator();

    @Test
    void validateWhenEssentialAcrCannotBeMetThenUnmetAuthenticationRequirements() {
        assertRefused(AuthorizationError.UNMET_AUTHENTICATION_REQUIREMENTS, () -> validator.validate(context(webApp(),
                "claims", "{\"id_token\":{\"acr\":{\"essential\":true,\"values\":[\"urn:latchkey:acr:mfa\"]}}}")));
    }

    @Test
    void validateWhenEssentialAcrIsOneLatchkeyAssertsThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "claims",
                "{\"id_token\":{\"acr\":{\"essential\":true,\"value\":\"urn:latchkey:acr:pwd\"}}}")));
    }

    @Test
    void validateWhenVoluntaryOrWithoutValuesThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "acr_values", "urn:latchkey:acr:mfa")));
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "claims",
                "{\"id_token\":{\"acr\":{\"values\":[\"urn:latchkey:acr:mfa\"]}}}")));
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "claims",
                "{\"id_token\":{\"acr\":{\"essential\":true}}}")));
    }
}

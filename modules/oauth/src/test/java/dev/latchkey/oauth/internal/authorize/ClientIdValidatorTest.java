package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ClientIdValidatorTest {

    private final RegisteredClient client = webApp();
    private final List<String> lookedUp = new ArrayList<>();
    private final ClientIdValidator validator = new ClientIdValidator(clientId -> {
        lookedUp.add(clientId);
        return clientId.equals(client.clientId()) ? Optional.of(client) : Optional.empty();
    });

    @Test
    void validateWhenClientKnownThenClient() {
        assertEquals(client, validator.validate(parameters("client_id", "web-app")));
    }

    @Test
    void validateWhenClientIdMissingThenErrorPage() {
        assertErrorPage(() -> validator.validate(parameters("response_type", "code")));
    }

    @Test
    void validateWhenClientIdEmptyThenErrorPage() {
        assertErrorPage(() -> validator.validate(parameters("client_id", "")));
    }

    @Test
    void validateWhenClientIdRepeatedThenErrorPage() {
        assertErrorPage(() -> validator.validate(parameters("client_id", "web-app", "client_id", "web-app")));
        assertTrue(lookedUp.isEmpty());
    }

    @Test
    void validateWhenClientUnknownThenErrorPage() {
        assertErrorPage(() -> validator.validate(parameters("client_id", "nobody")));
    }

    @Test
    void validateWhenClientIdTooLongThenErrorPageWithoutLookup() {
        assertErrorPage(() -> validator.validate(parameters("client_id", "x".repeat(2049))));
        assertTrue(lookedUp.isEmpty());
    }

    private static void assertErrorPage(Executable call) {
        ErrorPageException page = assertThrows(ErrorPageException.class, call);
        assertEquals(400, page.status());
        assertEquals("invalid_client", page.messageKey());
    }
}

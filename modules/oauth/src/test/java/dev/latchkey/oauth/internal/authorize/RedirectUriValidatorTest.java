package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.REDIRECT_URI;
import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.withRedirectUris;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriValidatorTest {

    private static final String OTHER = "https://app.example.test/other";

    private final RedirectUriValidator validator = new RedirectUriValidator();

    @Test
    void validateWhenRegisteredThenThatUri() {
        RegisteredClient client = withRedirectUris(webApp(), REDIRECT_URI, OTHER);

        assertEquals(OTHER, validator.validate(parameters("redirect_uri", OTHER), client));
    }

    @Test
    void validateWhenMissingAndOneRegisteredThenTheRegisteredOne() {
        assertEquals(REDIRECT_URI, validator.validate(parameters(), webApp()));
    }

    @Test
    void validateWhenMissingAndSeveralRegisteredThenErrorPage() {
        RegisteredClient client = withRedirectUris(webApp(), REDIRECT_URI, OTHER);

        assertErrorPage(parameters(), client);
    }

    @Test
    void validateWhenMissingAndNoneRegisteredThenErrorPage() {
        assertErrorPage(parameters(), withRedirectUris(webApp()));
    }

    @Test
    void validateWhenRepeatedThenErrorPage() {
        assertErrorPage(parameters("redirect_uri", REDIRECT_URI, "redirect_uri", REDIRECT_URI), webApp());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://attacker.example/callback",
        "https://app.example.test/callback/",
        "https://app.example.test/Callback",
        "HTTPS://app.example.test/callback",
        "https://APP.example.test/callback",
        "https://app.example.test:443/callback",
        "https://app.example.test/callback?x=1",
        "https://app.example.test/callback#x",
        "https://app.example.test/callback/../callback",
        "https://app.example.test/%63allback",
        "https://app.example.test.attacker.example/callback"})
    void validateWhenRedirectUriNotRegisteredExactlyThenErrorPage(String redirectUri) {
        assertErrorPage(parameters("redirect_uri", redirectUri), webApp());
    }

    @Test
    void validateWhenLoopbackIpOnAnotherPortThenTheRequestedUriWithItsPort() {
        RegisteredClient client = withRedirectUris(webApp(), "http://127.0.0.1:8000/cb");

        // RFC 8252 §7.3: the port of a loopback redirect URI is chosen at run time
        assertEquals("http://127.0.0.1:8001/cb", validator.validate(parameters("redirect_uri",
                "http://127.0.0.1:8001/cb"), client));
    }

    @Test
    void validateWhenLoopbackIpOnAnotherPathThenErrorPage() {
        RegisteredClient client = withRedirectUris(webApp(), "http://127.0.0.1:8000/cb");

        assertErrorPage(parameters("redirect_uri", "http://127.0.0.1:8001/other"), client);
    }

    @Test
    void validateWhenLocalhostOnAnotherPortThenErrorPage() {
        RegisteredClient client = withRedirectUris(webApp(), "http://localhost:8000/cb");

        assertErrorPage(parameters("redirect_uri", "http://localhost:8001/cb"), client);
    }

    private void assertErrorPage(AuthorizationParameters parameters, RegisteredClient client) {
        ErrorPageException page = assertThrows(ErrorPageException.class, () -> validator.validate(parameters, client));
        assertEquals(400, page.status());
        assertEquals("invalid_redirect_uri", page.messageKey());
    }
}

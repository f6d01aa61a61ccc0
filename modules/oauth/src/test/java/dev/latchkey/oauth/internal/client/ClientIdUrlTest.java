package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientIdUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/client.json", "https://app.example/", "https://app.example:8443/c",
            "https://app.example/c?v=2"})
    void parseWhenAValidClientIdentifierUrlThenIt(String clientId) {
        assertEquals(Optional.of(URI.create(clientId)), ClientIdUrl.parse(clientId, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example", "http://app.example/client.json", "https://user@app.example/c",
            "https://app.example/c#f", "https://app.example/a/../c", "https://app.example/./c", "https:///c",
            "https://app.example/c d", "ftp://app.example/c", "http://127.0.0.1:8080/c"})
    void parseWhenNotAValidClientIdentifierUrlThenEmpty(String clientId) {
        assertEquals(Optional.empty(), ClientIdUrl.parse(clientId, false));
    }

    @Test
    void parseWhenLongerThanAClientIdColumnThenEmpty() {
        assertEquals(Optional.empty(), ClientIdUrl.parse("https://app.example/" + "c".repeat(240), false));
    }

    @Test
    void parseWhenDevModeThenHttpOnLoopbackIpsOnly() {
        assertTrue(ClientIdUrl.parse("http://127.0.0.1:8080/c", true).isPresent());
        assertTrue(ClientIdUrl.parse("http://[::1]:8080/c", true).isPresent());
        assertFalse(ClientIdUrl.parse("http://localhost:8080/c", true).isPresent());
        assertFalse(ClientIdUrl.parse("http://app.example/c", true).isPresent());
    }

    @Test
    void isUrlWhenAStoredClientIdThenFalse() {
        assertFalse(ClientIdUrl.isUrl("web-app"));
        assertFalse(ClientIdUrl.isUrl("0193a5c2-0000-7000-8000-000000000001"));
        assertTrue(ClientIdUrl.isUrl("https://app.example/c"));
        assertTrue(ClientIdUrl.isUrl("http://127.0.0.1/c"));
    }
}

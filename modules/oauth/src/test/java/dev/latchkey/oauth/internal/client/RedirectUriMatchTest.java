package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriMatchTest {

    @Test
    void isRegisteredWhenExactlyEqualThenTrue() {
        assertTrue(RedirectUriMatch.isRegistered("https://app.example/cb", List.of("https://app.example/cb")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb/", "https://APP.example/cb", "https://app.example/cb?x=1",
            "https://app.example:8443/cb", "https://app.example/CB"})
    void isRegisteredWhenNotExactlyEqualThenFalse(String requested) {
        assertFalse(RedirectUriMatch.isRegistered(requested, List.of("https://app.example/cb")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:51234/callback", "http://127.0.0.1/callback",
            "http://127.0.0.1:1/callback"})
    void isRegisteredWhenIpv4LoopbackWithAnyPortThenTrue(String requested) {
        assertTrue(RedirectUriMatch.isRegistered(requested, List.of("http://127.0.0.1:8080/callback")));
        assertTrue(RedirectUriMatch.isRegistered(requested, List.of("http://127.0.0.1/callback")));
    }

    @Test
    void isRegisteredWhenIpv6LoopbackWithAnyPortThenTrue() {
        assertTrue(RedirectUriMatch.isRegistered("http://[::1]:60123/cb", List.of("http://[::1]/cb")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:51234/other", "http://127.0.0.1:51234/callback?x=1",
            "http://[::1]:51234/callback", "https://127.0.0.1:51234/callback", "http://127.0.0.2:51234/callback",
            "http://user@127.0.0.1:51234/callback", "HTTP://127.0.0.1:51234/callback", "not a uri"})
    void isRegisteredWhenLoopbackDiffersInMoreThanThePortThenFalse(String requested) {
        assertFalse(RedirectUriMatch.isRegistered(requested, List.of("http://127.0.0.1/callback")));
    }

    @Test
    void isRegisteredWhenLocalhostWithAnotherPortThenFalseBecauseOnlyIpLiteralsAreLoopback() {
        // RFC 8252 §8.3: localhost is NOT RECOMMENDED; it matches exactly
        assertFalse(RedirectUriMatch.isRegistered("http://localhost:51234/cb", List.of("http://localhost:8080/cb")));
        assertTrue(RedirectUriMatch.isRegistered("http://localhost:8080/cb", List.of("http://localhost:8080/cb")));
    }
}

package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.oauth.events.TokenRequestRefused;
import dev.latchkey.oauth.events.TokensIssued;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenEndpointTest {

    private final OAuthFixture fixture = new OAuthFixture();

    @Test
    void exchangeWhenParameterRepeatedThenInvalidRequest() {
        Map<String, List<String>> form = form("grant_type", "client_credentials", "client_id", "service",
                "client_secret", TestClients.SECRET, "scope", "orders:read", "scope", "orders:write");
        OAuthException refused = assertOAuthError("invalid_request", () -> fixture.endpoint.exchange(form, null, "ip", "ua"));
        assertTrue(refused.description().contains("scope"));
    }

    @Test
    void exchangeWhenGrantTypeMissingThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.endpoint.exchange(
                form("client_id", "service", "client_secret", TestClients.SECRET), null, "ip", "ua"));
    }

    @Test
    void exchangeWhenGrantTypeUnknownThenUnsupportedGrantType() {
        assertOAuthError("unsupported_grant_type", () -> fixture.endpoint.exchange(
                form("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "client_id", "service",
                        "client_secret", TestClients.SECRET), null, "ip", "ua"));
    }

    @Test
    void exchangeWhenClientNotAllowedTheGrantThenUnauthorizedClient() {
        assertOAuthError("unauthorized_client", () -> fixture.endpoint.exchange(
                form("grant_type", "password", "client_id", "web-app", "client_secret", TestClients.SECRET,
                        "username", "alice", "password", OAuthFixture.PASSWORD), null, "ip", "ua"));
    }

    @Test
    void exchangeWhenValueTooLongThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.endpoint.exchange(
                form("grant_type", "client_credentials", "client_id", "service", "client_secret", TestClients.SECRET,
                        "scope", "a".repeat(2049)), null, "ip", "ua"));
    }

    @Test
    void exchangeWhenClientUnknownThenInvalidClientAndRefusedEvent() {
        assertOAuthError("invalid_client", () -> fixture.endpoint.exchange(
                form("grant_type", "client_credentials", "client_id", "nobody", "client_secret", TestClients.SECRET),
                null, "ip", "ua"));
        assertEquals(1, fixture.refused.fired().size());
        TokenRequestRefused event = fixture.refused.fired().get(0);
        assertEquals("nobody", event.clientId());
        assertEquals("client_credentials", event.grantType());
        assertEquals("invalid_client", event.error());
        assertTrue(fixture.issued.fired().isEmpty());
    }

    @Test
    void exchangeWhenBasicHeaderMalformedThenRefusedEventWithFormClientId() {
        assertOAuthError("invalid_client", () -> fixture.endpoint.exchange(
                form("grant_type", "client_credentials", "client_id", "service"), "Basic !!!", "ip", "ua"));
        assertEquals("service", fixture.refused.fired().get(0).clientId());
    }

    @Test
    void exchangeWhenIssuedThenOneTokensIssuedEvent() {
        TokenResponse response = fixture.endpoint.exchange(form("grant_type", "client_credentials",
                "client_id", "service", "client_secret", TestClients.SECRET), null, "ip", "ua");
        assertNotNull(response.accessToken());
        assertEquals(1, fixture.issued.fired().size());
        TokensIssued event = fixture.issued.fired().get(0);
        assertEquals("service", event.clientId());
        assertNull(event.userId());
        assertEquals("client_credentials", event.grantType());
        assertTrue(fixture.refused.fired().isEmpty());
    }

    @Test
    void grantTypesListsEveryHandler() {
        assertEquals(List.of("authorization_code", "client_credentials", "password", "refresh_token"),
                List.copyOf(fixture.endpoint.grantTypes()));
    }

    @Test
    void constructWhenTwoHandlersForOneGrantTypeThenFails() {
        GrantHandler one = new ClientCredentialsGrantHandler(fixture.issuer, fixture.resources);
        GrantHandler two = new ClientCredentialsGrantHandler(fixture.issuer, fixture.resources);
        assertThrows(IllegalStateException.class, () -> new TokenEndpoint(fixture.authenticator,
                List.of(one, two), new RecordingEvent<>(), new RecordingEvent<>(), Clock.systemUTC()));
    }
}

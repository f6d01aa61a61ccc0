package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import java.text.ParseException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantHandlerTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private TokenResponse request(String... extra) {
        String[] base = {"grant_type", "client_credentials", "client_id", "service", "client_secret", TestClients.SECRET};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return fixture.endpoint.exchange(form(all), null, "ip", "ua");
    }

    @Test
    void handleWhenNoScopeThenClientsNonOpenIdScopesAndNoRefreshOrIdToken() throws ParseException {
        TokenResponse response = request();
        assertEquals("Bearer", response.tokenType());
        assertEquals(300, response.expiresIn());
        assertNull(response.refreshToken());
        assertNull(response.idToken());
        JWTClaimsSet claims = fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet();
        assertEquals("service", claims.getSubject());
        assertEquals("service", claims.getStringClaim("client_id"));
        assertEquals("orders:read orders:write", claims.getStringClaim("scope"));
        assertNull(claims.getClaim("auth_time"));
        assertTrue(fixture.refreshTokenStore.all().isEmpty(), "client credentials write nothing");
    }

    @Test
    void handleWhenTheClientHasA60SecondLifetimeThenExpiresIn60AndExpAccordingly() throws ParseException {
        fixture.clients.put("service", TestClients.withLifetimes(TestClients.service(), Duration.ofSeconds(60), null));
        TokenResponse response = request();
        assertEquals(60, response.expiresIn());
        assertEquals(fixture.clock.instant().plusSeconds(60),
                fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet().getExpirationTime().toInstant());
    }

    @Test
    void handleWhenScopeNarrowedThenThatScope() {
        assertEquals("orders:read", request("scope", "orders:read").scope());
    }

    @Test
    void handleWhenScopeNotRegisteredThenInvalidScope() {
        assertOAuthError("invalid_scope", () -> request("scope", "orders:delete"));
    }

    @Test
    void handleWhenOpenIdRequestedThenInvalidScope() {
        assertOAuthError("invalid_scope", () -> request("scope", "openid orders:read"));
    }

    @Test
    void handleWhenScopeMalformedThenInvalidScope() {
        assertOAuthError("invalid_scope", () -> request("scope", "orders\"read"));
    }

    @Test
    void handleWhenClientIsPublicThenUnauthorizedClient() {
        // the endpoint never routes a public client here (client_credentials needs a confidential
        // client to be registered), but the handler holds the rule on its own too
        ClientCredentialsGrantHandler handler = new ClientCredentialsGrantHandler(fixture.issuer, fixture.resources);
        TokenRequest request = new TokenRequest("client_credentials", RequestParameters.of(form()),
                new AuthenticatedClient(TestClients.spa(), ClientAuthMethod.NONE), "ip", "ua", fixture.clock.instant());
        assertOAuthError("unauthorized_client", () -> handler.handle(request));
    }
}

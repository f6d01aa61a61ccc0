package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.InMemoryResourceServers.BILLING;
import static dev.latchkey.oauth.internal.fixtures.InMemoryResourceServers.ORDERS;
import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.introspection.IntrospectionResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 8707 resource indicators at the token endpoint: authorization code, refresh token, client credentials. */
class ResourceIndicatorGrantsTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private String code(String... resources) {
        return fixture.codes.issue(new AuthorizationCode("web-app", TestClients.REDIRECT_URI, TestUsers.alice().id(),
                "sid-1", "openid profile orders:read", null, null, null, fixture.clock.instant(), List.of("pwd"),
                fixture.clock.instant(), List.of(resources), null));
    }

    private TokenResponse exchange(String... namesAndValues) {
        return fixture.endpoint.exchange(form(namesAndValues), null, "ip", "ua");
    }

    private TokenResponse redeem(String code, String... extra) {
        return exchange(with(new String[] {"grant_type", "authorization_code", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "code", code, "redirect_uri", TestClients.REDIRECT_URI}, extra));
    }

    private TokenResponse refresh(String refreshToken, String... extra) {
        return exchange(with(new String[] {"grant_type", "refresh_token", "client_id", "web-app",
                "client_secret", TestClients.SECRET, "refresh_token", refreshToken}, extra));
    }

    private TokenResponse clientCredentials(String... extra) {
        return exchange(with(new String[] {"grant_type", "client_credentials", "client_id", "service",
                "client_secret", TestClients.SECRET}, extra));
    }

    private static String[] with(String[] base, String[] extra) {
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private JWTClaimsSet access(TokenResponse response) throws ParseException {
        return fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet();
    }

    // authorization_code

    @Test
    void redeemWhenCodeHasResourceThenAudIsItAndScopeNarrowedToItsScopes() throws ParseException {
        TokenResponse response = redeem(code(ORDERS));
        assertEquals(List.of(ORDERS), access(response).getAudience());
        assertEquals("orders:read", access(response).getStringClaim("scope"));
        assertEquals("orders:read", response.scope(), "RFC 6749 §5.1: the scope of the access token");
        assertNotNull(response.idToken(), "the ID token answers the whole grant, openid included");
        assertEquals(List.of(ORDERS), fixture.refreshTokenStore.all().get(0).resources());
    }

    @Test
    void redeemWhenNoResourceAnywhereThenTodaysAudienceAndWholeScope() throws ParseException {
        TokenResponse response = redeem(code());
        assertEquals(List.of(TestServerSettings.ISSUER), access(response).getAudience());
        assertEquals("openid profile orders:read", access(response).getStringClaim("scope"));
    }

    @Test
    void redeemWhenCodeHasTwoResourcesAndRequestNamesOneThenDownscopedToIt() throws ParseException {
        TokenResponse response = redeem(code(ORDERS, TestServerSettings.ISSUER), "resource", TestServerSettings.ISSUER);
        assertEquals(List.of(TestServerSettings.ISSUER), access(response).getAudience());
        // Latchkey's own API accepts the OpenID scopes and defines none of its own
        assertEquals("openid profile", access(response).getStringClaim("scope"));
    }

    @Test
    void redeemWhenCodeHasTwoResourcesThenBothAudiencesAndTheirScopes() throws ParseException {
        TokenResponse response = redeem(code(ORDERS, TestServerSettings.ISSUER));
        assertEquals(List.of(ORDERS, TestServerSettings.ISSUER), access(response).getAudience());
        assertEquals("openid profile orders:read", access(response).getStringClaim("scope"));
    }

    @Test
    void redeemWhenResourceBeyondTheAuthorizationThenInvalidTarget() {
        String code = code(TestServerSettings.ISSUER);
        assertOAuthError("invalid_target", () -> redeem(code, "resource", ORDERS));
        assertTrue(fixture.refreshTokenStore.all().isEmpty());
        assertEquals("invalid_target", fixture.refused.fired().get(0).error());
    }

    @Test
    void redeemWhenCodeWithoutResourceAndRequestNamesOneThenNarrowedToIt() throws ParseException {
        TokenResponse response = redeem(code(), "resource", ORDERS);
        assertEquals(List.of(ORDERS), access(response).getAudience());
        assertEquals("orders:read", response.scope());
    }

    @Test
    void redeemWhenResourceNotAllowedForTheClientThenInvalidTarget() {
        String code = code();
        assertOAuthError("invalid_target", () -> redeem(code, "resource", BILLING));
    }

    // refresh_token

    @Test
    void refreshWhenGrantHadResourcesThenSameAudienceAndMayNarrowButNotWiden() throws ParseException {
        TokenResponse first = redeem(code(ORDERS, TestServerSettings.ISSUER));
        TokenResponse narrowed = refresh(first.refreshToken(), "resource", ORDERS);
        assertEquals(List.of(ORDERS), access(narrowed).getAudience());
        assertEquals("orders:read", narrowed.scope());
        TokenResponse whole = refresh(narrowed.refreshToken());
        assertEquals(List.of(ORDERS, TestServerSettings.ISSUER), access(whole).getAudience());
        String successor = whole.refreshToken();
        assertOAuthError("invalid_target", () -> refresh(successor, "resource", "https://elsewhere.example"));
        // the refused refresh used nothing up: the same token still works
        assertNotNull(refresh(successor).accessToken());
    }

    @Test
    void refreshWhenGrantHadNoResourceThenTodaysAudience() throws ParseException {
        TokenResponse first = redeem(code());
        assertEquals(List.of(TestServerSettings.ISSUER), access(refresh(first.refreshToken())).getAudience());
    }

    // client_credentials

    @Test
    void clientCredentialsWhenResourceThenAudIsItAndScopeItsPart() throws ParseException {
        TokenResponse response = clientCredentials("resource", ORDERS);
        assertEquals(List.of(ORDERS), access(response).getAudience());
        assertEquals("orders:read orders:write", access(response).getStringClaim("scope"));
    }

    @Test
    void introspectionWhenTokenForAResourceThenItsAudIsTheResource() {
        TokenResponse response = clientCredentials("resource", ORDERS);
        IntrospectionResponse introspected = fixture.introspection.introspect(form("token", response.accessToken(),
                "client_id", "service", "client_secret", TestClients.SECRET), null);
        assertTrue(introspected.active());
        assertEquals(List.of(ORDERS), introspected.aud());
        assertEquals("orders:read orders:write", introspected.scope());
    }

    @Test
    void clientCredentialsWhenResourceRepeatedThenOneAudienceEach() throws ParseException {
        TokenResponse response = clientCredentials("resource", ORDERS, "resource", TestServerSettings.ISSUER,
                "resource", ORDERS);
        assertEquals(List.of(ORDERS, TestServerSettings.ISSUER), access(response).getAudience());
    }

    @Test
    void clientCredentialsWhenOnlyLatchkeyApiThenNoCustomScopeLeft() throws ParseException {
        TokenResponse response = clientCredentials("resource", TestServerSettings.ISSUER);
        assertEquals(List.of(TestServerSettings.ISSUER), access(response).getAudience());
        assertNull(response.scope());
    }

    @Test
    void clientCredentialsWhenResourceUnknownThenInvalidTarget() {
        assertOAuthError("invalid_target", () -> clientCredentials("resource", "https://unknown.example"));
    }

    @Test
    void clientCredentialsWhenResourceNotAllowedForTheClientThenInvalidTarget() {
        assertOAuthError("invalid_target", () -> clientCredentials("resource", BILLING));
    }

    @Test
    void clientCredentialsWhenResourceMalformedThenInvalidTarget() {
        assertOAuthError("invalid_target", () -> clientCredentials("resource", "/relative/path"));
        assertOAuthError("invalid_target", () -> clientCredentials("resource", ORDERS + "#fragment"));
        assertOAuthError("invalid_target", () -> clientCredentials("resource", "https://bad host.example"));
    }

    @Test
    void clientCredentialsWhenResourceOversizedThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> clientCredentials("resource", ORDERS + "/" + "a".repeat(2048)));
    }

    @Test
    void clientCredentialsWhenMoreThanTenResourcesThenInvalidTarget() {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            parameters.add("resource");
            parameters.add(ORDERS + "/" + i);
        }
        assertOAuthError("invalid_target", () -> clientCredentials(parameters.toArray(String[]::new)));
    }
}

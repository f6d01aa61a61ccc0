package dev.latchkey.oauth.internal.registration;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.internal.client.ClientSecrets;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings.Mode;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.InMemoryInitialAccessTokens;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegistrationServiceTest {

    static final String WEB_APP = """
            {"redirect_uris": ["https://rp.example/cb"], "client_name": "RP", "scope": "openid email"}""";

    private final TestClock clock = new TestClock();
    private final InMemoryClients stored = new InMemoryClients();
    private final RecordingEvent<ClientChanged> changed = new RecordingEvent<>();
    private final ClientService clients = new ClientService(stored, changed, TestClients.sealing(), clock);
    private final InitialAccessTokenService initialAccessTokens = new InitialAccessTokenService(
            new InMemoryInitialAccessTokens(), clock);

    private RegistrationService service(Mode mode) {
        return new RegistrationService(clients, stored, initialAccessTokens,
                new RegistrationSettings(mode, Set.copyOf(Scope.STANDARD)));
    }

    private RegisteredClient client(Registration registration) {
        return stored.find(registration.client().client().clientId()).orElseThrow().client();
    }

    @Test
    void registerWhenOpenThenAConfidentialThirdPartyClientWithTheRfc7591Defaults() {
        Registration registration = service(Mode.OPEN).register(WEB_APP, null);
        RegisteredClient client = client(registration);
        assertEquals(ClientType.CONFIDENTIAL, client.type());
        assertEquals("client_secret_basic", client.metadata().tokenEndpointAuthMethod());
        assertEquals(Set.of("authorization_code"), client.grantTypes());
        assertEquals(Set.of("openid", "email"), client.scopes());
        assertEquals("RP", client.name());
        assertFalse(client.firstParty());
        assertTrue(ClientSecrets.matches(registration.secret(), client.secretHash()));
        // only the registration access token's hash is stored
        assertEquals(SecureTokens.hash(registration.registrationAccessToken()),
                stored.registrationTokenHash(client.clientId()).orElseThrow());
        assertEquals(1, changed.fired().size());
    }

    @Test
    void registerWhenNoneThenAPublicClientWithoutSecret() {
        Registration registration = service(Mode.OPEN).register("""
                {"redirect_uris": ["http://127.0.0.1/cb"], "token_endpoint_auth_method": "none",
                 "application_type": "native", "grant_types": ["authorization_code", "refresh_token"]}""", null);
        RegisteredClient client = client(registration);
        assertEquals(ClientType.PUBLIC, client.type());
        assertNull(registration.secret());
        assertNull(client.secretHash());
        assertEquals("native", client.metadata().applicationType());
        assertEquals(Set.of("openid", "profile", "email"), client.scopes());
    }

    @Test
    void registerWhenTheBodyClaimsFirstPartyOrAClientIdOrASecretThenTheyAreIgnored() {
        Registration registration = service(Mode.OPEN).register("""
                {"redirect_uris": ["https://rp.example/cb"], "first_party": true, "client_id": "chosen",
                 "client_secret": "a-secret-the-registrant-chose-itself-0123456789"}""", null);
        RegisteredClient client = client(registration);
        assertFalse(client.firstParty());
        assertNotEquals("chosen", client.clientId());
        assertNotEquals("a-secret-the-registrant-chose-itself-0123456789", registration.secret());
    }

    @Test
    void registerWhenTokenModeThenAnInitialAccessTokenIsRequiredAndEachAllowsItsCount() {
        RegistrationService service = service(Mode.TOKEN);
        OAuthException missing = assertOAuthError("invalid_request", () -> service.register(WEB_APP, null));
        assertEquals(401, missing.status());
        assertEquals(401, assertOAuthError("invalid_token", () -> service.register(WEB_APP, "Bearer unknown"))
                .status());
        String token = initialAccessTokens.issue(60L, 2).value();
        service.register(WEB_APP, "Bearer " + token);
        service.register(WEB_APP, "Bearer " + token);
        assertOAuthError("invalid_token", () -> service.register(WEB_APP, "Bearer " + token));
        assertEquals(2, stored.count());
    }

    @Test
    void registerWhenTheInitialAccessTokenExpiredThen401() {
        String token = initialAccessTokens.issue(60L, 2).value();
        clock.advance(Duration.ofMinutes(1));
        assertOAuthError("invalid_token", () -> service(Mode.TOKEN).register(WEB_APP, "Bearer " + token));
        assertEquals(0, stored.count());
    }

    @Test
    void registerWhenOpenThenAnAuthorizationHeaderIsNotNeeded() {
        assertNotNull(service(Mode.OPEN).register(WEB_APP, "Bearer whatever").registrationAccessToken());
    }

    @Test
    void registerWhenRedirectUriRefusedByTheClientRulesThenInvalidRedirectUri() {
        RegistrationService service = service(Mode.OPEN);
        assertOAuthError("invalid_redirect_uri", () -> service.register("""
                {"redirect_uris": ["http://rp.example/cb"]}""", null));
        assertOAuthError("invalid_redirect_uri", () -> service.register("""
                {"redirect_uris": ["https://rp.example/cb#fragment"]}""", null));
        assertOAuthError("invalid_redirect_uri", () -> service.register("{}", null));
        assertOAuthError("invalid_redirect_uri", () -> service.register("""
                {"redirect_uris": ["com.example.app:/cb"]}""", null));
        assertEquals(0, stored.count());
    }

    @Test
    void registerWhenMetadataRefusedByTheClientRulesThenInvalidClientMetadataWithTheRulesMessage() {
        RegistrationService service = service(Mode.OPEN);
        OAuthException refused = assertOAuthError("invalid_client_metadata", () -> service.register("""
                {"redirect_uris": ["https://rp.example/cb"], "application_type": "desktop"}""", null));
        assertEquals("application_type must be web or native", refused.description());
        assertEquals(400, refused.status());
        assertOAuthError("invalid_client_metadata", () -> service.register("""
                {"redirect_uris": ["https://rp.example/cb"], "logo_uri": "http://rp.example/logo.png"}""", null));
        assertOAuthError("invalid_client_metadata", () -> service.register("""
                {"redirect_uris": ["https://rp.example/cb"], "id_token_signed_response_alg": "none"}""", null));
        assertOAuthError("invalid_client_metadata", () -> service.register("""
                {"redirect_uris": ["https://rp.example/cb"], "token_endpoint_auth_method": "none",
                 "grant_types": ["client_credentials"]}""", null));
        assertEquals(0, stored.count());
    }

    @Test
    void readWhenItsOwnTokenThenTheClientAndThePresentedToken() {
        Registration registered = service(Mode.OPEN).register(WEB_APP, null);
        String clientId = registered.client().client().clientId();
        Registration read = service(Mode.OPEN).read(clientId, "Bearer " + registered.registrationAccessToken());
        assertEquals(registered.client().client(), read.client().client());
        assertNull(read.secret());
        assertEquals(registered.registrationAccessToken(), read.registrationAccessToken());
    }

    @Test
    void readWhenTheTokenIsMissingWrongAnotherClientsOrTheClientUnknownThen401() {
        RegistrationService service = service(Mode.OPEN);
        Registration mine = service.register(WEB_APP, null);
        Registration other = service.register(WEB_APP, null);
        String clientId = mine.client().client().clientId();
        assertEquals(401, assertOAuthError("invalid_request", () -> service.read(clientId, null)).status());
        assertOAuthError("invalid_token", () -> service.read(clientId, "Bearer wrong"));
        assertOAuthError("invalid_token", () -> service.read(clientId, "Bearer " + other.registrationAccessToken()));
        assertOAuthError("invalid_token", () -> service.read("unknown", "Bearer " + mine.registrationAccessToken()));
        assertOAuthError("invalid_request", () -> service.read(clientId, "Basic " + mine.registrationAccessToken()));
    }

    @Test
    void readWhenTheClientWasMadeByAnAdminThen401() {
        clients.create(new dev.latchkey.oauth.api.ClientDefinition("admin-made", "Admin made", ClientType.PUBLIC,
                null, List.of(TestClients.REDIRECT_URI), Set.of(), Set.of(), true));
        assertOAuthError("invalid_token", () -> service(Mode.OPEN).read("admin-made", "Bearer anything"));
    }

    @Test
    void updateThenTheMetadataIsReplacedAndTheRegistrationAccessTokenRotated() {
        RegistrationService service = service(Mode.OPEN);
        Registration registered = service.register(WEB_APP, null);
        String clientId = registered.client().client().clientId();
        Registration updated = service.update(clientId, "Bearer " + registered.registrationAccessToken(), """
                {"client_id": "%s", "client_secret": "%s", "redirect_uris": ["https://rp.example/other"],
                 "client_name": "Renamed"}""".formatted(clientId, registered.secret()));
        RegisteredClient client = client(updated);
        assertEquals(List.of("https://rp.example/other"), client.redirectUris());
        assertEquals("Renamed", client.name());
        // omitted: back to the defaults
        assertEquals(Set.of("openid", "profile", "email"), client.scopes());
        assertNull(updated.secret());
        assertTrue(ClientSecrets.matches(registered.secret(), client.secretHash()));
        assertNotEquals(registered.registrationAccessToken(), updated.registrationAccessToken());
        assertOAuthError("invalid_token", () -> service.read(clientId, "Bearer " + registered.registrationAccessToken()));
        assertEquals(client, service.read(clientId, "Bearer " + updated.registrationAccessToken()).client().client());
    }

    @Test
    void updateWhenTheClientIdOrSecretDoNotMatchOrTheMetadataIsInvalidThenRefusedAndNothingChanges() {
        RegistrationService service = service(Mode.OPEN);
        Registration registered = service.register(WEB_APP, null);
        String clientId = registered.client().client().clientId();
        String bearer = "Bearer " + registered.registrationAccessToken();
        assertOAuthError("invalid_client_metadata", () -> service.update(clientId, bearer, """
                {"redirect_uris": ["https://rp.example/cb"]}"""));
        assertOAuthError("invalid_client_metadata", () -> service.update(clientId, bearer, """
                {"client_id": "another", "redirect_uris": ["https://rp.example/cb"]}"""));
        assertOAuthError("invalid_client_metadata", () -> service.update(clientId, bearer, """
                {"client_id": "%s", "client_secret": "wrong", "redirect_uris": ["https://rp.example/cb"]}"""
                .formatted(clientId)));
        assertOAuthError("invalid_redirect_uri", () -> service.update(clientId, bearer, """
                {"client_id": "%s", "redirect_uris": ["ftp://rp.example/cb"]}""".formatted(clientId)));
        assertEquals(registered.client().client(), client(registered));
        assertEquals(registered.client().client(), service.read(clientId, bearer).client().client());
    }

    @Test
    void updateWhenAnotherClientsTokenThen401AndNothingChanges() {
        RegistrationService service = service(Mode.OPEN);
        Registration mine = service.register(WEB_APP, null);
        Registration other = service.register(WEB_APP, null);
        String clientId = mine.client().client().clientId();
        assertOAuthError("invalid_token", () -> service.update(clientId, "Bearer " + other.registrationAccessToken(),
                "{\"client_id\": \"" + clientId + "\", \"redirect_uris\": [\"https://evil.example/cb\"]}"));
        assertEquals(mine.client().client(), client(mine));
    }

    @Test
    void updateWhenThePublicClientBecomesConfidentialThenANewSecretIsReturnedOnce() {
        RegistrationService service = service(Mode.OPEN);
        Registration registered = service.register("""
                {"redirect_uris": ["https://rp.example/cb"], "token_endpoint_auth_method": "none"}""", null);
        String clientId = registered.client().client().clientId();
        Registration updated = service.update(clientId, "Bearer " + registered.registrationAccessToken(), """
                {"client_id": "%s", "redirect_uris": ["https://rp.example/cb"],
                 "token_endpoint_auth_method": "client_secret_post"}""".formatted(clientId));
        assertTrue(ClientSecrets.matches(updated.secret(), client(updated).secretHash()));
    }

    @Test
    void deleteThenTheClientAndItsTokenAreGone() {
        RegistrationService service = service(Mode.OPEN);
        Registration registered = service.register(WEB_APP, null);
        Registration other = service.register(WEB_APP, null);
        String clientId = registered.client().client().clientId();
        assertOAuthError("invalid_token", () -> service.delete(clientId, "Bearer " + other.registrationAccessToken()));
        assertTrue(stored.find(clientId).isPresent());
        service.delete(clientId, "Bearer " + registered.registrationAccessToken());
        assertTrue(stored.find(clientId).isEmpty());
        assertOAuthError("invalid_token", () -> service.read(clientId, "Bearer " + registered.registrationAccessToken()));
        assertOAuthError("invalid_token", () -> service.delete(clientId, "Bearer " + registered.registrationAccessToken()));
    }
}

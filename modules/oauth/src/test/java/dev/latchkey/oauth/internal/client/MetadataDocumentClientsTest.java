package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataDocumentClientsTest {

    private static final URI URL = URI.create("https://app.example/client.json");

    private final MetadataDocumentClients documents = new MetadataDocumentClients(
            new ClientMetadataDocumentSettings(true, false), RegistrationSettings.defaults(),
            new MetadataDocumentFetcher());

    @Test
    void clientWhenAValidDocumentThenAThirdPartyPublicClientNamedByItsUrl() {
        RegisteredClient client = documents.client(URL, """
                {"client_id": "https://app.example/client.json", "client_name": "Example app",
                 "redirect_uris": ["https://app.example/cb"], "grant_types": ["authorization_code", "refresh_token"],
                 "scope": "openid email", "logo_uri": "https://app.example/logo.png"}""").orElseThrow();
        assertEquals("https://app.example/client.json", client.clientId());
        assertEquals("Example app", client.name());
        assertEquals(ClientType.PUBLIC, client.type());
        assertNull(client.secretHash());
        assertFalse(client.firstParty());
        assertEquals(List.of("https://app.example/cb"), client.redirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token"), client.grantTypes());
        assertEquals(Set.of("openid", "email"), client.scopes());
        assertEquals("none", client.metadata().tokenEndpointAuthMethod());
        assertEquals("https://app.example/logo.png", client.metadata().logoUri());
    }

    @Test
    void clientWhenNoNameThenTheUrlsHost() {
        assertEquals("app.example", documents.client(URL, """
                {"client_id": "https://app.example/client.json", "redirect_uris": ["https://app.example/cb"],
                 "token_endpoint_auth_method": "none"}""").orElseThrow().name());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"redirect_uris\": [\"https://app.example/cb\"]}",
        "{\"client_id\": \"https://other.example/client.json\", \"redirect_uris\": [\"https://app.example/cb\"]}",
        "{\"client_id\": \"https://app.example/client.json\", \"redirect_uris\": [\"https://app.example/cb\"],"
                + " \"token_endpoint_auth_method\": \"client_secret_basic\"}",
        "{\"client_id\": \"https://app.example/client.json\", \"redirect_uris\": [\"https://app.example/cb\"],"
                + " \"client_secret\": \"a-secret\"}",
        "{\"client_id\": \"https://app.example/client.json\", \"redirect_uris\": [\"http://app.example/cb\"]}",
        "{\"client_id\": \"https://app.example/client.json\"}",
        "{\"client_id\": \"https://app.example/client.json\", \"redirect_uris\": [\"https://app.example/cb\"],"
                + " \"grant_types\": [\"client_credentials\"]}",
        "{\"client_id\": \"https://app.example/client.json\", \"redirect_uris\": [\"https://app.example/cb\"],"
                + " \"scope\": \"openid admin\"}",
        "not json", "[]"})
    void clientWhenTheDocumentIsNotAValidPublicClientForItsUrlThenEmpty(String body) {
        assertEquals(Optional.empty(), documents.client(URL, body));
    }

    @Test
    void findWhenSwitchedOffOrNotAClientIdentifierUrlThenEmptyWithoutFetching() {
        MetadataDocumentClients off = new MetadataDocumentClients(ClientMetadataDocumentSettings.off(),
                RegistrationSettings.defaults(), new MetadataDocumentFetcher());
        assertEquals(Optional.empty(), off.find("https://app.example/client.json"));
        assertEquals(Optional.empty(), documents.find("http://app.example/client.json"));
        assertEquals(Optional.empty(), documents.find("https://app.example/a/../client.json"));
    }

    @Test
    void isUrlThenOnlyUrls() {
        assertTrue(MetadataDocumentClients.isUrl("https://app.example/client.json"));
        assertFalse(MetadataDocumentClients.isUrl("web-app"));
    }
}

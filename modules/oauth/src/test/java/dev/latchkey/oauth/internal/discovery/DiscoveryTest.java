package dev.latchkey.oauth.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final ProviderMetadata metadata = new Discovery(fixture.server, fixture.endpoint).metadata();

    @Test
    void metadataAdvertisesTheEndpointsUnderTheIssuer() {
        String issuer = TestServerSettings.ISSUER;
        assertEquals(issuer, metadata.issuer());
        assertEquals(issuer + "/authorize", metadata.authorizationEndpoint());
        assertEquals(issuer + "/token", metadata.tokenEndpoint());
        assertEquals(issuer + "/userinfo", metadata.userinfoEndpoint());
        assertEquals(issuer + "/jwks", metadata.jwksUri());
        assertEquals(issuer + "/introspect", metadata.introspectionEndpoint());
        assertEquals(issuer + "/revoke", metadata.revocationEndpoint());
    }

    @Test
    void metadataAdvertisesExactlyWhatExists() {
        assertEquals(List.of("code"), metadata.responseTypesSupported());
        assertEquals(List.of("query", "form_post"), metadata.responseModesSupported());
        assertEquals(List.of("authorization_code", "client_credentials", "password", "refresh_token"),
                metadata.grantTypesSupported());
        assertEquals(List.of("public"), metadata.subjectTypesSupported());
        assertEquals(List.of("RS256"), metadata.idTokenSigningAlgValuesSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post", "none"),
                metadata.tokenEndpointAuthMethodsSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post"),
                metadata.introspectionEndpointAuthMethodsSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post", "none"),
                metadata.revocationEndpointAuthMethodsSupported());
        assertEquals(List.of("S256"), metadata.codeChallengeMethodsSupported());
        assertEquals(List.of("openid", "profile", "email", "offline_access"), metadata.scopesSupported());
        assertTrue(metadata.claimsSupported().containsAll(List.of("sub", "at_hash", "sid", "email_verified")));
        assertTrue(metadata.authorizationResponseIssParameterSupported());
        assertFalse(metadata.requestParameterSupported());
        assertFalse(metadata.requestUriParameterSupported());
        assertFalse(metadata.claimsParameterSupported());
    }

    @Test
    void metadataJsonUsesTheRegisteredNames() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> json = jsonb.fromJson(jsonb.toJson(metadata), Map.class);
            assertEquals(TestServerSettings.ISSUER, json.get("issuer"));
            assertEquals(List.of("S256"), json.get("code_challenge_methods_supported"));
            assertEquals(true, json.get("authorization_response_iss_parameter_supported"));
            assertEquals(false, json.get("request_uri_parameter_supported"));
            assertTrue(json.containsKey("token_endpoint_auth_methods_supported"));
            assertEquals(TestServerSettings.ISSUER + "/introspect", json.get("introspection_endpoint"));
            assertEquals(TestServerSettings.ISSUER + "/revoke", json.get("revocation_endpoint"));
            assertEquals(List.of("client_secret_basic", "client_secret_post"),
                    json.get("introspection_endpoint_auth_methods_supported"));
            assertEquals(List.of("client_secret_basic", "client_secret_post", "none"),
                    json.get("revocation_endpoint_auth_methods_supported"));
            assertTrue(jsonb.toJson(metadata).startsWith("{\"issuer\":"));
        }
    }
}

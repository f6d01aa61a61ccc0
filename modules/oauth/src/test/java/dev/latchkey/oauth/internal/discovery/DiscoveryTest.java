package dev.latchkey.oauth.internal.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final ProviderMetadata metadata = new Discovery(fixture.server, fixture.endpoint,
            RegistrationSettings.defaults(),
                ClientMetadataDocumentSettings.off()).metadata();

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
        assertEquals(issuer + "/register", metadata.registrationEndpoint());
    }

    @Test
    void metadataWhenRegistrationOffThenNoRegistrationEndpoint() throws Exception {
        ProviderMetadata off = new Discovery(fixture.server, fixture.endpoint,
                new RegistrationSettings(RegistrationSettings.Mode.OFF, Set.of()), ClientMetadataDocumentSettings.off()).metadata();
        assertNull(off.registrationEndpoint());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertFalse(jsonb.toJson(off).contains("registration_endpoint"));
        }
    }

    @Test
    void metadataWhenClientIdMetadataDocumentsOnThenAdvertisedElseLeftOut() throws Exception {
        assertNull(metadata.clientIdMetadataDocumentSupported());
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertFalse(jsonb.toJson(metadata).contains("client_id_metadata_document_supported"));
        }
        assertTrue(new Discovery(fixture.server, fixture.endpoint, RegistrationSettings.defaults(),
                new ClientMetadataDocumentSettings(true, false)).metadata().clientIdMetadataDocumentSupported());
    }

    @Test
    void metadataWhenRegistrationOpenThenRegistrationEndpoint() {
        assertEquals(TestServerSettings.ISSUER + "/register", new Discovery(fixture.server, fixture.endpoint,
                new RegistrationSettings(RegistrationSettings.Mode.OPEN, Set.of("openid")), new ClientMetadataDocumentSettings(true, false)).metadata()
                .registrationEndpoint());
    }

    @Test
    void metadataAdvertisesExactlyWhatExists() {
        assertEquals(List.of("code"), metadata.responseTypesSupported());
        assertEquals(List.of("query", "form_post"), metadata.responseModesSupported());
        assertEquals(List.of("authorization_code", "client_credentials", "password", "refresh_token"),
                metadata.grantTypesSupported());
        assertEquals(List.of("public"), metadata.subjectTypesSupported());
        assertEquals(List.of("ES256", "EdDSA", "PS256", "RS256"), metadata.idTokenSigningAlgValuesSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt",
                "none"), metadata.tokenEndpointAuthMethodsSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"),
                metadata.introspectionEndpointAuthMethodsSupported());
        assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt",
                "none"), metadata.revocationEndpointAuthMethodsSupported());
        List<String> assertionAlgorithms = List.of("ES256", "EdDSA", "HS256", "PS256", "RS256");
        assertEquals(assertionAlgorithms, metadata.tokenEndpointAuthSigningAlgValuesSupported());
        assertEquals(assertionAlgorithms, metadata.introspectionEndpointAuthSigningAlgValuesSupported());
        assertEquals(assertionAlgorithms, metadata.revocationEndpointAuthSigningAlgValuesSupported());
        assertEquals(List.of("S256"), metadata.codeChallengeMethodsSupported());
        assertEquals(List.of("openid", "profile", "email", "address", "phone", "offline_access"),
                metadata.scopesSupported());
        assertEquals(List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "azp", "at_hash", "sid", "amr",
                "acr", "name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "picture",
                "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "email", "email_verified",
                "address", "phone_number", "phone_number_verified"), metadata.claimsSupported());
        assertEquals(List.of("urn:latchkey:acr:pwd"), metadata.acrValuesSupported());
        assertEquals(List.of("page", "popup", "touch", "wap"), metadata.displayValuesSupported());
        assertTrue(metadata.authorizationResponseIssParameterSupported());
        assertTrue(metadata.requestParameterSupported());
        assertEquals(List.of("ES256", "EdDSA", "PS256", "RS256"), metadata.requestObjectSigningAlgValuesSupported());
        assertFalse(metadata.requestUriParameterSupported());
        assertTrue(metadata.claimsParameterSupported());
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
            assertEquals(true, json.get("request_parameter_supported"));
            assertTrue(json.containsKey("request_object_signing_alg_values_supported"));
            assertEquals(true, json.get("claims_parameter_supported"));
            assertEquals(List.of("urn:latchkey:acr:pwd"), json.get("acr_values_supported"));
            assertEquals(List.of("page", "popup", "touch", "wap"), json.get("display_values_supported"));
            assertFalse(json.containsKey("claims_locales_supported"));
            assertTrue(json.containsKey("token_endpoint_auth_methods_supported"));
            assertEquals(TestServerSettings.ISSUER + "/introspect", json.get("introspection_endpoint"));
            assertEquals(TestServerSettings.ISSUER + "/revoke", json.get("revocation_endpoint"));
            assertEquals(TestServerSettings.ISSUER + "/register", json.get("registration_endpoint"));
            assertEquals(TestServerSettings.ISSUER + "/logout", json.get("end_session_endpoint"));
            assertEquals(true, json.get("backchannel_logout_supported"));
            assertEquals(true, json.get("backchannel_logout_session_supported"));
            assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt"),
                    json.get("introspection_endpoint_auth_methods_supported"));
            assertEquals(List.of("client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt",
                    "none"), json.get("revocation_endpoint_auth_methods_supported"));
            assertTrue(json.containsKey("token_endpoint_auth_signing_alg_values_supported"));
            assertTrue(json.containsKey("introspection_endpoint_auth_signing_alg_values_supported"));
            assertTrue(json.containsKey("revocation_endpoint_auth_signing_alg_values_supported"));
            assertTrue(jsonb.toJson(metadata).startsWith("{\"issuer\":"));
        }
    }
}

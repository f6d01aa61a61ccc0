package dev.latchkey.oauth.internal.client;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrationRequestTest {

    private static final Set<String> ALLOWED = Set.copyOf(Scope.STANDARD);

    private static ClientDefinition definition(String json) {
        return RegistrationRequest.definition("id-1", RegistrationRequest.read(json), ALLOWED);
    }

    @Test
    void definitionWhenEveryOidcRegistrationFieldThenEachIsCarriedOver() {
        ClientDefinition definition = definition("""
                {"redirect_uris": ["https://rp.example/cb"], "response_types": ["code"],
                 "grant_types": ["authorization_code", "refresh_token"], "application_type": "web",
                 "client_name": "RP", "token_endpoint_auth_method": "client_secret_post",
                 "jwks_uri": "https://rp.example/jwks", "id_token_signed_response_alg": "ES256",
                 "request_object_signing_alg": "ES256", "default_max_age": 3600, "require_auth_time": true,
                 "logo_uri": "https://rp.example/logo.png", "client_uri": "https://rp.example",
                 "policy_uri": "https://rp.example/privacy", "tos_uri": "https://rp.example/tos",
                 "contacts": ["ops@rp.example"], "scope": "openid offline_access", "subject_type": "public",
                 "software_id": "ignored", "client_name#ja-Jpan-JP": "ignored", "unknown_field": {"x": 1}}""");
        assertEquals("id-1", definition.clientId());
        assertEquals("RP", definition.name());
        assertEquals(ClientType.CONFIDENTIAL, definition.type());
        assertEquals(List.of("https://rp.example/cb"), definition.redirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token"), definition.grantTypes());
        assertEquals(Set.of("openid", "offline_access"), definition.scopes());
        assertFalse(definition.firstParty());
        assertEquals("client_secret_post", definition.metadata().tokenEndpointAuthMethod());
        assertEquals("https://rp.example/jwks", definition.metadata().jwksUri());
        assertEquals("ES256", definition.metadata().idTokenSignedResponseAlg());
        assertEquals("ES256", definition.metadata().requestObjectSigningAlg());
        assertEquals(3600, definition.metadata().defaultMaxAge());
        assertTrue(definition.metadata().requireAuthTime());
        assertEquals("https://rp.example/logo.png", definition.metadata().logoUri());
        assertEquals("https://rp.example", definition.metadata().clientUri());
        assertEquals("https://rp.example/privacy", definition.metadata().policyUri());
        assertEquals("https://rp.example/tos", definition.metadata().tosUri());
        assertEquals(List.of("ops@rp.example"), definition.metadata().contacts());
    }

    @Test
    void definitionWhenLogoutMetadataThenCarriedOver() {
        ClientDefinition definition = definition("""
                {"redirect_uris": ["https://rp.example/cb"], "post_logout_redirect_uris": ["https://rp.example/bye"],
                 "backchannel_logout_uri": "https://93.184.216.34/bc", "backchannel_logout_session_required": true}""");
        assertEquals(List.of("https://rp.example/bye"), definition.metadata().postLogoutRedirectUris());
        assertEquals("https://93.184.216.34/bc", definition.metadata().backchannelLogoutUri());
        assertTrue(definition.metadata().backchannelLogoutSessionRequired());
    }

    @Test
    void definitionWhenJwksByValueThenKeptAsJson() {
        ClientDefinition definition = definition("""
                {"redirect_uris": ["https://rp.example/cb"], "jwks": {"keys": []}}""");
        assertEquals("{\"keys\":[]}", definition.metadata().jwks());
    }

    @Test
    void definitionWhenAMethodOfTheTokenEndpointThenAConfidentialClientUsingIt() {
        ClientDefinition definition = definition("""
                {"redirect_uris": ["https://rp.example/cb"], "token_endpoint_auth_method": "private_key_jwt",
                 "jwks_uri": "https://rp.example/jwks"}""");
        assertEquals(ClientType.CONFIDENTIAL, definition.type());
        assertEquals("private_key_jwt", definition.metadata().tokenEndpointAuthMethod());
    }

    @Test
    void definitionWhenClientCredentialsOnlyThenNoResponseTypesNeeded() {
        ClientDefinition definition = definition("""
                {"grant_types": ["client_credentials"], "response_types": []}""");
        assertEquals(Set.of("client_credentials"), definition.grantTypes());
    }

    @Test
    void definitionWhenNoScopeThenTheDefaultScopesThatAreAllowed() {
        ClientDefinition definition = RegistrationRequest.definition("id-1", RegistrationRequest.read("""
                {"redirect_uris": ["https://rp.example/cb"]}"""), Set.of("openid", "email"));
        assertEquals(Set.of("openid", "email"), definition.scopes());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"response_types\": [\"token\"]}",
        "{\"response_types\": [\"code id_token\"]}",
        "{\"response_types\": [\"code\"], \"grant_types\": [\"client_credentials\"]}",
        "{\"response_types\": [], \"grant_types\": [\"authorization_code\"]}",
        "{\"grant_types\": [\"implicit\"]}",
        "{\"grant_types\": [\"password\"]}",
        "{\"grant_types\": [\"urn:ietf:params:oauth:grant-type:device_code\"]}",
        "{\"token_endpoint_auth_method\": \"tls_client_auth\"}",
        "{\"subject_type\": \"pairwise\"}",
        "{\"request_uris\": [\"https://rp.example/request\"]}",
        "{\"sector_identifier_uri\": \"https://rp.example/sector\"}",
        "{\"id_token_encrypted_response_alg\": \"RSA-OAEP\"}",
        "{\"userinfo_signed_response_alg\": \"RS256\"}",
        "{\"token_endpoint_auth_signing_alg\": \"RS256\"}",
        "{\"default_acr_values\": [\"urn:mace:incommon:iap:silver\"]}",
        "{\"frontchannel_logout_uri\": \"https://rp.example/fc\"}",
        "{\"post_logout_redirect_uris\": \"https://rp.example/bye\"}",
        "{\"backchannel_logout_uri\": 42}",
        "{\"backchannel_logout_uri\": \"http://93.184.216.34/bc\"}",
        "{\"backchannel_logout_uri\": \"https://127.0.0.1/bc\"}",
        "{\"backchannel_logout_uri\": \"https://10.0.0.1/bc\"}",
        "{\"backchannel_logout_uri\": \"https://169.254.169.254/latest\"}",
        "{\"backchannel_logout_uri\": \"https://no-such-host.invalid/bc\"}",
        "{\"backchannel_logout_uri\": \"https:///bc\"}",
        "{\"backchannel_logout_uri\": \"not a uri\"}",
        "{\"backchannel_logout_session_required\": \"yes\"}",
        "{\"dpop_bound_access_tokens\": true}",
        "{\"scope\": \"openid admin\"}",
        "{\"scope\": 42}",
        "{\"redirect_uris\": \"https://rp.example/cb\"}",
        "{\"redirect_uris\": [42]}",
        "{\"client_name\": [\"RP\"]}",
        "{\"jwks\": \"{\\\"keys\\\": []}\"}",
        "{\"default_max_age\": \"3600\"}",
        "{\"default_max_age\": 1.5}",
        "{\"default_max_age\": 99999999999}",
        "{\"require_auth_time\": \"yes\"}",
        "{\"contacts\": \"ops@rp.example\"}"})
    void definitionWhenAFieldCannotBeHonouredOrHasTheWrongTypeThenInvalidClientMetadata(String json) {
        assertOAuthError("invalid_client_metadata", () -> definition(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"dpop_bound_access_tokens\": false}", "{\"request_uris\": []}",
            "{\"request_uris\": null}", "{\"client_name\": null}"})
    void definitionWhenAnUnsupportedFieldHasANeutralValueThenAccepted(String json) {
        assertEquals(Set.of("authorization_code"), definition(json).grantTypes());
    }

    @Test
    void definitionWhenASoftwareStatementThenUnapprovedSoftwareStatement() {
        assertOAuthError("unapproved_software_statement", () -> definition("{\"software_statement\": \"eyJ.x.y\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[]", "\"a string\"", "{\"unterminated\": "})
    void readWhenNotAJsonObjectThenInvalidClientMetadata(String body) {
        assertOAuthError("invalid_client_metadata", () -> RegistrationRequest.read(body));
    }

    @Test
    void readWhenNullOrOversizedThenInvalidClientMetadata() {
        assertOAuthError("invalid_client_metadata", () -> RegistrationRequest.read(null));
        String oversized = "{\"client_name\": \"" + "x".repeat(RegistrationRequest.MAX_BODY) + "\"}";
        assertOAuthError("invalid_client_metadata", () -> RegistrationRequest.read(oversized));
    }
}

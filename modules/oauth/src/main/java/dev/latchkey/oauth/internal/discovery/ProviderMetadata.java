package dev.latchkey.oauth.internal.discovery;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The provider's metadata, served at both {@code /.well-known/openid-configuration} and
 * {@code /.well-known/oauth-authorization-server}: what exists, nothing more. A null field
 * (the registration endpoint when registration is off, Client ID Metadata Document support when
 * it is off) is left out of the JSON.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata">OIDC Discovery §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-2">RFC 8414 §2</a>
 */
@JsonbPropertyOrder({"issuer", "authorizationEndpoint", "tokenEndpoint", "userinfoEndpoint", "jwksUri",
        "introspectionEndpoint", "revocationEndpoint", "registrationEndpoint", "endSessionEndpoint",
        "responseTypesSupported", "responseModesSupported", "grantTypesSupported", "subjectTypesSupported",
        "idTokenSigningAlgValuesSupported", "tokenEndpointAuthMethodsSupported",
        "tokenEndpointAuthSigningAlgValuesSupported", "introspectionEndpointAuthMethodsSupported",
        "introspectionEndpointAuthSigningAlgValuesSupported", "revocationEndpointAuthMethodsSupported",
        "revocationEndpointAuthSigningAlgValuesSupported",
        "codeChallengeMethodsSupported", "scopesSupported", "claimsSupported",
        "authorizationResponseIssParameterSupported", "requestParameterSupported",
        "requestUriParameterSupported", "requestObjectSigningAlgValuesSupported", "claimsParameterSupported",
        "acrValuesSupported", "displayValuesSupported", "backchannelLogoutSupported",
        "backchannelLogoutSessionSupported", "clientIdMetadataDocumentSupported"})
public record ProviderMetadata(
        @JsonbProperty("issuer") String issuer,
        @JsonbProperty("authorization_endpoint") String authorizationEndpoint,
        @JsonbProperty("token_endpoint") String tokenEndpoint,
        @JsonbProperty("userinfo_endpoint") String userinfoEndpoint,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("introspection_endpoint") String introspectionEndpoint,
        @JsonbProperty("revocation_endpoint") String revocationEndpoint,
        @JsonbProperty("registration_endpoint") String registrationEndpoint,
        @JsonbProperty("end_session_endpoint") String endSessionEndpoint,
        @JsonbProperty("response_types_supported") List<String> responseTypesSupported,
        @JsonbProperty("response_modes_supported") List<String> responseModesSupported,
        @JsonbProperty("grant_types_supported") List<String> grantTypesSupported,
        @JsonbProperty("subject_types_supported") List<String> subjectTypesSupported,
        @JsonbProperty("id_token_signing_alg_values_supported") List<String> idTokenSigningAlgValuesSupported,
        @JsonbProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @JsonbProperty("token_endpoint_auth_signing_alg_values_supported")
        List<String> tokenEndpointAuthSigningAlgValuesSupported,
        @JsonbProperty("introspection_endpoint_auth_methods_supported") List<String> introspectionEndpointAuthMethodsSupported,
        @JsonbProperty("introspection_endpoint_auth_signing_alg_values_supported")
        List<String> introspectionEndpointAuthSigningAlgValuesSupported,
        @JsonbProperty("revocation_endpoint_auth_methods_supported") List<String> revocationEndpointAuthMethodsSupported,
        @JsonbProperty("revocation_endpoint_auth_signing_alg_values_supported")
        List<String> revocationEndpointAuthSigningAlgValuesSupported,
        @JsonbProperty("code_challenge_methods_supported") List<String> codeChallengeMethodsSupported,
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        @JsonbProperty("claims_supported") List<String> claimsSupported,
        @JsonbProperty("authorization_response_iss_parameter_supported") boolean authorizationResponseIssParameterSupported,
        @JsonbProperty("request_parameter_supported") boolean requestParameterSupported,
        @JsonbProperty("request_uri_parameter_supported") boolean requestUriParameterSupported,
        @JsonbProperty("request_object_signing_alg_values_supported") List<String> requestObjectSigningAlgValuesSupported,
        @JsonbProperty("claims_parameter_supported") boolean claimsParameterSupported,
        @JsonbProperty("acr_values_supported") List<String> acrValuesSupported,
        @JsonbProperty("display_values_supported") List<String> displayValuesSupported,
        @JsonbProperty("backchannel_logout_supported") boolean backchannelLogoutSupported,
        @JsonbProperty("backchannel_logout_session_supported") boolean backchannelLogoutSessionSupported,
        @JsonbProperty("client_id_metadata_document_supported") Boolean clientIdMetadataDocumentSupported) {

    public ProviderMetadata {
        responseTypesSupported = List.copyOf(responseTypesSupported);
        responseModesSupported = List.copyOf(responseModesSupported);
        grantTypesSupported = List.copyOf(grantTypesSupported);
        subjectTypesSupported = List.copyOf(subjectTypesSupported);
        idTokenSigningAlgValuesSupported = List.copyOf(idTokenSigningAlgValuesSupported);
        tokenEndpointAuthMethodsSupported = List.copyOf(tokenEndpointAuthMethodsSupported);
        tokenEndpointAuthSigningAlgValuesSupported = List.copyOf(tokenEndpointAuthSigningAlgValuesSupported);
        introspectionEndpointAuthMethodsSupported = List.copyOf(introspectionEndpointAuthMethodsSupported);
        introspectionEndpointAuthSigningAlgValuesSupported =
                List.copyOf(introspectionEndpointAuthSigningAlgValuesSupported);
        revocationEndpointAuthMethodsSupported = List.copyOf(revocationEndpointAuthMethodsSupported);
        revocationEndpointAuthSigningAlgValuesSupported = List.copyOf(revocationEndpointAuthSigningAlgValuesSupported);
        codeChallengeMethodsSupported = List.copyOf(codeChallengeMethodsSupported);
        scopesSupported = List.copyOf(scopesSupported);
        claimsSupported = List.copyOf(claimsSupported);
        requestObjectSigningAlgValuesSupported = List.copyOf(requestObjectSigningAlgValuesSupported);
        acrValuesSupported = List.copyOf(acrValuesSupported);
        displayValuesSupported = List.copyOf(displayValuesSupported);
    }
}

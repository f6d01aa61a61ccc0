package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.client.StoredClient;
import dev.latchkey.oauth.api.ClientMetadata;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A client as the admin API shows it; {@code client_secret} only in the response that created
 * or rotated it, never again.
 */
@JsonbPropertyOrder({"clientId", "clientName", "clientType", "clientSecret", "redirectUris", "grantTypes",
        "scope", "firstParty", "applicationType", "tokenEndpointAuthMethod", "jwksUri", "jwks",
        "idTokenSignedResponseAlg", "requestObjectSigningAlg", "accessTokenLifetime", "refreshTokenLifetime",
        "defaultMaxAge", "requireAuthTime", "clientUri", "logoUri", "policyUri", "tosUri", "contacts", "postLogoutRedirectUris",
        "backchannelLogoutUri", "backchannelLogoutSessionRequired", "createdAt",
        "updatedAt"})
public record ClientResponse(@JsonbProperty("client_id") String clientId,
                             @JsonbProperty("client_name") String clientName,
                             @JsonbProperty("client_type") String clientType,
                             @JsonbProperty("client_secret") String clientSecret,
                             @JsonbProperty("redirect_uris") List<String> redirectUris,
                             @JsonbProperty("grant_types") List<String> grantTypes,
                             @JsonbProperty("scope") String scope,
                             @JsonbProperty("first_party") boolean firstParty,
                             @JsonbProperty("application_type") String applicationType,
                             @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
                             @JsonbProperty("jwks_uri") String jwksUri,
                             @JsonbProperty("jwks") JsonObject jwks,
                             @JsonbProperty("id_token_signed_response_alg") String idTokenSignedResponseAlg,
                             @JsonbProperty("request_object_signing_alg") String requestObjectSigningAlg,
                             @JsonbProperty("access_token_lifetime") Long accessTokenLifetime,
                             @JsonbProperty("refresh_token_lifetime") Long refreshTokenLifetime,
                             @JsonbProperty("default_max_age") Integer defaultMaxAge,
                             @JsonbProperty("require_auth_time") boolean requireAuthTime,
                             @JsonbProperty("client_uri") String clientUri,
                             @JsonbProperty("logo_uri") String logoUri,
                             @JsonbProperty("policy_uri") String policyUri,
                             @JsonbProperty("tos_uri") String tosUri,
                             @JsonbProperty("contacts") List<String> contacts,
                             @JsonbProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
                             @JsonbProperty("backchannel_logout_uri") String backchannelLogoutUri,
                             @JsonbProperty("backchannel_logout_session_required")
                             boolean backchannelLogoutSessionRequired,
                             @JsonbProperty("created_at") Instant createdAt,
                             @JsonbProperty("updated_at") Instant updatedAt) {

    static ClientResponse of(StoredClient stored, String secret) {
        RegisteredClient client = stored.client();
        ClientMetadata metadata = client.metadata();
        return new ClientResponse(client.clientId(), client.name(), client.type().name().toLowerCase(Locale.ROOT),
                secret, client.redirectUris(), client.grantTypes().stream().sorted().toList(),
                String.join(" ", client.scopes().stream().sorted().toList()), client.firstParty(),
                metadata.applicationType(), metadata.tokenEndpointAuthMethod(), metadata.jwksUri(),
                metadata.jwks() == null ? null : Json.createReader(new StringReader(metadata.jwks())).readObject(),
                metadata.idTokenSignedResponseAlg(), metadata.requestObjectSigningAlg(),
                seconds(metadata.accessTokenLifetime()), seconds(metadata.refreshTokenLifetime()),
                metadata.defaultMaxAge(), metadata.requireAuthTime(), metadata.clientUri(), metadata.logoUri(),
                metadata.policyUri(), metadata.tosUri(), metadata.contacts(), metadata.postLogoutRedirectUris(),
                metadata.backchannelLogoutUri(), metadata.backchannelLogoutSessionRequired(), stored.createdAt(), stored.updatedAt());
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}

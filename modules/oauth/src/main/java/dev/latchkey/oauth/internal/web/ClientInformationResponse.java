package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.internal.client.ClientValidator;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.registration.Registration;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.List;

/**
 * The client information response of the registration endpoints: the client id, the secret
 * when this response made it, the registration access token and URI, and every registered
 * metadata field with the server's resolved defaults. Fields without a value are left out.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3.2.1">RFC 7591 §3.2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-3">RFC 7592 §3</a>
 */
final class ClientInformationResponse {

    private ClientInformationResponse() {
    }

    static JsonObject of(Registration registration, String registrationClientUri) {
        RegisteredClient client = registration.client().client();
        ClientMetadata metadata = client.metadata();
        JsonObjectBuilder json = Json.createObjectBuilder().add("client_id", client.clientId());
        if (registration.secret() != null) {
            json.add("client_secret", registration.secret());
        }
        json.add("client_id_issued_at", registration.client().createdAt().getEpochSecond());
        if (client.usesSecret()) {
            // RFC 7591 §3.2.1: REQUIRED when there is a secret; 0: it does not expire
            json.add("client_secret_expires_at", 0);
        }
        json.add("registration_access_token", registration.registrationAccessToken())
                .add("registration_client_uri", registrationClientUri)
                .add("client_name", client.name())
                .add("redirect_uris", Json.createArrayBuilder(client.redirectUris()))
                .add("grant_types", Json.createArrayBuilder(client.grantTypes().stream().sorted().toList()))
                .add("response_types", Json.createArrayBuilder(
                        client.allowsGrant(ClientValidator.AUTHORIZATION_CODE) ? List.of("code") : List.of()))
                .add("token_endpoint_auth_method", metadata.tokenEndpointAuthMethod())
                .add("application_type", metadata.applicationType())
                .add("scope", String.join(" ", client.scopes().stream().sorted().toList()))
                .add("id_token_signed_response_alg", metadata.idTokenSignedResponseAlg())
                .add("require_auth_time", metadata.requireAuthTime());
        addIfPresent(json, "jwks_uri", metadata.jwksUri());
        if (metadata.jwks() != null) {
            json.add("jwks", Json.createReader(new StringReader(metadata.jwks())).readObject());
        }
        addIfPresent(json, "request_object_signing_alg", metadata.requestObjectSigningAlg());
        if (metadata.defaultMaxAge() != null) {
            json.add("default_max_age", metadata.defaultMaxAge());
        }
        addIfPresent(json, "client_uri", metadata.clientUri());
        addIfPresent(json, "logo_uri", metadata.logoUri());
        addIfPresent(json, "policy_uri", metadata.policyUri());
        addIfPresent(json, "tos_uri", metadata.tosUri());
        if (!metadata.contacts().isEmpty()) {
            json.add("contacts", Json.createArrayBuilder(metadata.contacts()));
        }
        if (!metadata.postLogoutRedirectUris().isEmpty()) {
            json.add("post_logout_redirect_uris", Json.createArrayBuilder(metadata.postLogoutRedirectUris()));
        }
        addIfPresent(json, "backchannel_logout_uri", metadata.backchannelLogoutUri());
        json.add("backchannel_logout_session_required", metadata.backchannelLogoutSessionRequired());
        return json.build();
    }

    private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}

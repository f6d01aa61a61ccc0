package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A client as an admin writes it, with the field names of RFC 7591 §2 ({@code scope} is
 * space-separated) and of OIDC Dynamic Client Registration §2; lifetimes in seconds. Absent
 * fields take the defaults; {@code client_secret} only on create.
 */
public record ClientRequest(@JsonbProperty("client_id") String clientId,
                            @JsonbProperty("client_name") String clientName,
                            @JsonbProperty("client_type") String clientType,
                            @JsonbProperty("client_secret") String clientSecret,
                            @JsonbProperty("redirect_uris") List<String> redirectUris,
                            @JsonbProperty("grant_types") List<String> grantTypes,
                            @JsonbProperty("scope") String scope,
                            @JsonbProperty("first_party") Boolean firstParty,
                            @JsonbProperty("application_type") String applicationType,
                            @JsonbProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
                            @JsonbProperty("jwks_uri") String jwksUri,
                            @JsonbProperty("jwks") JsonObject jwks,
                            @JsonbProperty("id_token_signed_response_alg") String idTokenSignedResponseAlg,
                            @JsonbProperty("request_object_signing_alg") String requestObjectSigningAlg,
                            @JsonbProperty("access_token_lifetime") Long accessTokenLifetime,
                            @JsonbProperty("refresh_token_lifetime") Long refreshTokenLifetime,
                            @JsonbProperty("default_max_age") Integer defaultMaxAge,
                            @JsonbProperty("require_auth_time") Boolean requireAuthTime,
                            @JsonbProperty("client_uri") String clientUri,
                            @JsonbProperty("logo_uri") String logoUri,
                            @JsonbProperty("policy_uri") String policyUri,
                            @JsonbProperty("tos_uri") String tosUri,
                            @JsonbProperty("contacts") List<String> contacts,
                            @JsonbProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
                            @JsonbProperty("backchannel_logout_uri") String backchannelLogoutUri,
                            @JsonbProperty("backchannel_logout_session_required")
                            Boolean backchannelLogoutSessionRequired) {

    /** The definition this request states; {@code client_type} defaults to confidential. */
    ClientDefinition toDefinition() {
        return new ClientDefinition(clientId, clientName, type(), clientSecret, entries(redirectUris, "redirect_uris"),
                new LinkedHashSet<>(entries(grantTypes, "grant_types")), scopes(), Boolean.TRUE.equals(firstParty),
                metadata());
    }

    private ClientMetadata metadata() {
        return new ClientMetadata(applicationType, tokenEndpointAuthMethod, jwksUri,
                jwks == null ? null : jwks.toString(), idTokenSignedResponseAlg, requestObjectSigningAlg,
                seconds(accessTokenLifetime), seconds(refreshTokenLifetime), defaultMaxAge,
                Boolean.TRUE.equals(requireAuthTime), clientUri, logoUri, policyUri, tosUri,
                entries(contacts, "contacts"), entries(postLogoutRedirectUris, "post_logout_redirect_uris"),
                backchannelLogoutUri, Boolean.TRUE.equals(backchannelLogoutSessionRequired));
    }

    private static Duration seconds(Long value) {
        return value == null ? null : Duration.ofSeconds(value);
    }

    /** A JSON list without null entries (which the immutable collections downstream refuse). */
    private static List<String> entries(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw Problems.validation(field + ": an entry is null");
        }
        return values;
    }

    private ClientType type() {
        if (clientType == null) {
            return ClientType.CONFIDENTIAL;
        }
        return switch (clientType.toLowerCase(Locale.ROOT)) {
            case "confidential" -> ClientType.CONFIDENTIAL;
            case "public" -> ClientType.PUBLIC;
            default -> throw Problems.validation("client_type must be confidential or public");
        };
    }

    private Set<String> scopes() {
        if (scope == null) {
            return Set.of();
        }
        Set<String> scopes = new LinkedHashSet<>();
        Arrays.stream(scope.split(" ")).filter(token -> !token.isEmpty()).forEach(scopes::add);
        return scopes;
    }
}

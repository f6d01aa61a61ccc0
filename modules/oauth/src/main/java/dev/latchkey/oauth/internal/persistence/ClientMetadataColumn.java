package dev.latchkey.oauth.internal.persistence;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.latchkey.oauth.api.ClientMetadata;
import java.text.ParseException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ClientMetadata} as the JSON object of {@code oauth_client.metadata}, with the RFC 7591
 * field names; lifetimes in seconds, {@code jwks} as a nested object. Absent fields are defaults,
 * so a null column (a client stored before the column existed) is {@link ClientMetadata#DEFAULTS}.
 */
final class ClientMetadataColumn {

    private ClientMetadataColumn() {
    }

    static String write(ClientMetadata metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "application_type", metadata.applicationType());
        put(json, "token_endpoint_auth_method", metadata.tokenEndpointAuthMethod());
        put(json, "jwks_uri", metadata.jwksUri());
        if (metadata.jwks() != null) {
            json.put("jwks", parse(metadata.jwks()));
        }
        put(json, "id_token_signed_response_alg", metadata.idTokenSignedResponseAlg());
        put(json, "request_object_signing_alg", metadata.requestObjectSigningAlg());
        put(json, "access_token_lifetime", seconds(metadata.accessTokenLifetime()));
        put(json, "refresh_token_lifetime", seconds(metadata.refreshTokenLifetime()));
        put(json, "default_max_age", metadata.defaultMaxAge());
        if (metadata.requireAuthTime()) {
            json.put("require_auth_time", true);
        }
        put(json, "client_uri", metadata.clientUri());
        put(json, "logo_uri", metadata.logoUri());
        put(json, "policy_uri", metadata.policyUri());
        put(json, "tos_uri", metadata.tosUri());
        if (!metadata.contacts().isEmpty()) {
            json.put("contacts", metadata.contacts());
        }
        if (!metadata.postLogoutRedirectUris().isEmpty()) {
            json.put("post_logout_redirect_uris", metadata.postLogoutRedirectUris());
        }
        put(json, "backchannel_logout_uri", metadata.backchannelLogoutUri());
        if (metadata.backchannelLogoutSessionRequired()) {
            json.put("backchannel_logout_session_required", true);
        }
        return JSONObjectUtils.toJSONString(json);
    }

    static ClientMetadata read(String column) {
        if (column == null) {
            return ClientMetadata.DEFAULTS;
        }
        try {
            Map<String, Object> json = parse(column);
            Map<String, Object> jwks = JSONObjectUtils.getJSONObject(json, "jwks");
            Long defaultMaxAge = number(json, "default_max_age");
            List<String> contacts = JSONObjectUtils.getStringList(json, "contacts");
            return new ClientMetadata(JSONObjectUtils.getString(json, "application_type"),
                    JSONObjectUtils.getString(json, "token_endpoint_auth_method"),
                    JSONObjectUtils.getString(json, "jwks_uri"),
                    jwks == null ? null : JSONObjectUtils.toJSONString(jwks),
                    JSONObjectUtils.getString(json, "id_token_signed_response_alg"),
                    JSONObjectUtils.getString(json, "request_object_signing_alg"),
                    duration(json, "access_token_lifetime"), duration(json, "refresh_token_lifetime"),
                    defaultMaxAge == null ? null : Math.toIntExact(defaultMaxAge),
                    Boolean.TRUE.equals(json.get("require_auth_time")),
                    JSONObjectUtils.getString(json, "client_uri"), JSONObjectUtils.getString(json, "logo_uri"),
                    JSONObjectUtils.getString(json, "policy_uri"), JSONObjectUtils.getString(json, "tos_uri"),
                    contacts, JSONObjectUtils.getStringList(json, "post_logout_redirect_uris"),
                    JSONObjectUtils.getString(json, "backchannel_logout_uri"),
                    Boolean.TRUE.equals(json.get("backchannel_logout_session_required")));
        } catch (ParseException e) {
            throw new IllegalStateException("oauth_client.metadata is not the JSON Latchkey writes", e);
        }
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("Not a JSON object", e);
        }
    }

    private static Duration duration(Map<String, Object> json, String field) throws ParseException {
        Long seconds = number(json, field);
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static Long number(Map<String, Object> json, String field) throws ParseException {
        return json.get(field) == null ? null : JSONObjectUtils.getLong(json, field);
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }

    private static void put(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}

package dev.latchkey.oauth.internal.client;

import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.clientauth.ClientAuthMethod;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the client metadata of a registration (RFC 7591 §2, OIDC Dynamic Client Registration §2)
 * into the {@link ClientDefinition} of a third-party client, with the RFC 7591 defaults
 * ({@code grant_types} {@code authorization_code}, {@code response_types} {@code code},
 * {@code token_endpoint_auth_method} {@code client_secret_basic}). The client's type follows from
 * its authentication method: {@code none} is a public client. Unknown fields are ignored
 * (RFC 7591 §2); known fields Latchkey cannot honour are refused, as are values of the wrong JSON
 * type. The rest is checked by the client rules the admin API uses.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-2">RFC 7591 §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-registration-1_0.html#ClientMetadata">OIDC Registration §2</a>
 */
public final class RegistrationRequest {

    /** Grant types a registrant may ask for; {@code password} is for first-party clients an admin makes. */
    static final Set<String> GRANT_TYPES = Set.of(ClientValidator.AUTHORIZATION_CODE, ClientValidator.REFRESH_TOKEN,
            ClientValidator.CLIENT_CREDENTIALS);
    static final String CODE = "code";

    /** Metadata Latchkey does not implement: refused when present with a value (a boolean only when true). */
    private static final List<String> UNSUPPORTED = List.of("request_uris", "sector_identifier_uri",
            "id_token_encrypted_response_alg", "id_token_encrypted_response_enc", "userinfo_signed_response_alg",
            "userinfo_encrypted_response_alg", "userinfo_encrypted_response_enc", "request_object_encryption_alg",
            "request_object_encryption_enc", "token_endpoint_auth_signing_alg", "default_acr_values",
            "initiate_login_uri", "frontchannel_logout_uri",
            "authorization_signed_response_alg", "authorization_encrypted_response_alg",
            "authorization_encrypted_response_enc", "tls_client_certificate_bound_access_tokens",
            "dpop_bound_access_tokens", "require_pushed_authorization_requests", "require_signed_request_object");

    /** The largest registration body read, in characters (a JWK set by value fits several times). */
    static final int MAX_BODY = 64_000;

    private final JsonObject body;

    private RegistrationRequest(JsonObject body) {
        this.body = body;
    }

    /** The JSON object of a request body; {@code invalid_client_metadata} when it is none or too large. */
    public static JsonObject read(String body) {
        if (body == null || body.isBlank()) {
            throw RegistrationError.invalidMetadata("A JSON object of client metadata is required");
        }
        if (body.length() > MAX_BODY) {
            throw RegistrationError.invalidMetadata("The client metadata is longer than " + MAX_BODY + " characters");
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw RegistrationError.invalidMetadata("The body is not a JSON object");
        }
    }

    /**
     * The definition of the client {@code clientId} that {@code body} describes, whose scopes must
     * be among {@code allowedScopes}; throws {@code invalid_client_metadata} otherwise.
     */
    public static ClientDefinition definition(String clientId, JsonObject body, Set<String> allowedScopes) {
        return new RegistrationRequest(body).definition(clientId, allowedScopes);
    }

    private ClientDefinition definition(String clientId, Set<String> allowedScopes) {
        refuseUnsupported();
        if (body.containsKey("software_statement")) {
            throw RegistrationError.unapprovedSoftwareStatement();
        }
        String subjectType = string("subject_type");
        if (subjectType != null && !subjectType.equals("public")) {
            throw RegistrationError.invalidMetadata("subject_type: only public is supported");
        }
        String given = string("token_endpoint_auth_method");
        String method = given == null ? ClientMetadataValidator.CLIENT_SECRET_BASIC : given;
        if (Arrays.stream(ClientAuthMethod.values()).noneMatch(supported -> supported.value().equals(method))) {
            throw RegistrationError.invalidMetadata("token_endpoint_auth_method must be one of "
                    + String.join(", ", Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::value).toList()));
        }
        Set<String> grantTypes = grantTypes();
        checkResponseTypes(grantTypes);
        Set<String> scopes = scopes(allowedScopes);
        Integer defaultMaxAge = integer("default_max_age");
        ClientMetadata metadata = new ClientMetadata(string("application_type"), method, string("jwks_uri"),
                object("jwks"), string("id_token_signed_response_alg"), string("request_object_signing_alg"), null,
                null, defaultMaxAge, bool("require_auth_time"), string("client_uri"), string("logo_uri"),
                string("policy_uri"), string("tos_uri"), strings("contacts"), strings("post_logout_redirect_uris"),
                backchannelLogoutUri(), bool("backchannel_logout_session_required"));
        ClientType type = method.equals(ClientMetadataValidator.NONE) ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
        // RFC 7591 §1: a dynamically registered client is a third party, whatever it claims
        return new ClientDefinition(clientId, string("client_name"), type, null, strings("redirect_uris"),
                grantTypes, scopes, false, metadata);
    }

    private void refuseUnsupported() {
        for (String field : UNSUPPORTED) {
            JsonValue value = body.get(field);
            if (value != null && value != JsonValue.NULL && value != JsonValue.FALSE
                    && !(value instanceof JsonArray array && array.isEmpty())) {
                throw RegistrationError.invalidMetadata(field + " is not supported by this server");
            }
        }
    }

    /**
     * A registrant's {@code backchannel_logout_uri}: the server will POST to it, so, like
     * {@code jwks_uri}, https to a host whose every address is public (no calls into the server's
     * own network on a stranger's behalf); the admin API may register loopback http for tests.
     */
    private String backchannelLogoutUri() {
        String value = string("backchannel_logout_uri");
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw RegistrationError.invalidMetadata("backchannel_logout_uri is not a URI");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                || !MetadataDocumentFetcher.isPublicHost(uri.getHost(), false)) {
            throw RegistrationError.invalidMetadata("backchannel_logout_uri must be an https URI of a public host");
        }
        return value;
    }

    private Set<String> grantTypes() {
        Set<String> grantTypes = new LinkedHashSet<>(strings("grant_types"));
        if (grantTypes.isEmpty()) {
            grantTypes.add(ClientValidator.AUTHORIZATION_CODE);
        }
        for (String grantType : grantTypes) {
            if (!GRANT_TYPES.contains(grantType)) {
                throw RegistrationError.invalidMetadata("grant_types: '" + grantType + "' is not one of "
                        + String.join(", ", GRANT_TYPES.stream().sorted().toList()));
            }
        }
        return grantTypes;
    }

    /** RFC 7591 §2.1: {@code code} goes with {@code authorization_code}, and only it is supported. */
    private void checkResponseTypes(Set<String> grantTypes) {
        if (!body.containsKey("response_types") || body.isNull("response_types")) {
            return;
        }
        List<String> responseTypes = strings("response_types");
        for (String responseType : responseTypes) {
            if (!responseType.equals(CODE)) {
                throw RegistrationError.invalidMetadata("response_types: only code is supported, not '"
                        + responseType + "'");
            }
        }
        if (responseTypes.contains(CODE) != grantTypes.contains(ClientValidator.AUTHORIZATION_CODE)) {
            throw RegistrationError.invalidMetadata("response_types and grant_types disagree: code goes with "
                    + "authorization_code (RFC 7591 section 2.1)");
        }
    }

    private Set<String> scopes(Set<String> allowedScopes) {
        String scope = string("scope");
        Set<String> scopes = new LinkedHashSet<>();
        if (scope == null) {
            ClientValidator.DEFAULT_SCOPES.stream().filter(allowedScopes::contains).forEach(scopes::add);
            return scopes;
        }
        Arrays.stream(scope.split(" ")).filter(token -> !token.isEmpty()).forEach(scopes::add);
        List<String> refused = scopes.stream().filter(token -> !allowedScopes.contains(token)).toList();
        if (!refused.isEmpty()) {
            throw RegistrationError.invalidMetadata("scope: " + String.join(" ", refused)
                    + " may not be registered here; allowed: " + String.join(" ", allowedScopes.stream().sorted().toList()));
        }
        return scopes;
    }

    private JsonValue value(String field) {
        JsonValue value = body.get(field);
        return value == null || value == JsonValue.NULL ? null : value;
    }

    /** The field's value when it is of {@code type}; null when absent or null; refused otherwise. */
    private <T extends JsonValue> T typed(String field, Class<T> type, String expected) {
        JsonValue value = value(field);
        if (value != null && !type.isInstance(value)) {
            throw RegistrationError.invalidMetadata(field + " must be " + expected);
        }
        return type.cast(value);
    }

    private String string(String field) {
        JsonString value = typed(field, JsonString.class, "a string");
        return value == null ? null : value.getString();
    }

    private List<String> strings(String field) {
        JsonArray array = typed(field, JsonArray.class, "an array of strings");
        if (array == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue entry : array) {
            if (!(entry instanceof JsonString string)) {
                throw RegistrationError.invalidMetadata(field + " must be an array of strings");
            }
            strings.add(string.getString());
        }
        return strings;
    }

    private String object(String field) {
        JsonObject value = typed(field, JsonObject.class, "a JSON object");
        return value == null ? null : value.toString();
    }

    private Integer integer(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()
                || number.bigIntegerValue().bitLength() > 31) {
            throw RegistrationError.invalidMetadata(field + " must be an integer");
        }
        return number.intValue();
    }

    private boolean bool(String field) {
        JsonValue value = value(field);
        if (value == null) {
            return false;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw RegistrationError.invalidMetadata(field + " must be true or false");
        }
        return value == JsonValue.TRUE;
    }
}

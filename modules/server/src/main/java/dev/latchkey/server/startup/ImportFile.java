package dev.latchkey.server.startup;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import jakarta.json.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a declarative import file (YAML, or JSON, which is YAML too) into users, clients and
 * resource servers, checking every entry before anything is applied. The format is documented in
 * docs/import.md.
 */
record ImportFile(List<NewUser> users, List<ClientDefinition> clients, List<ResourceServerDefinition> resourceServers) {

    private static final Set<String> TOP_LEVEL = Set.of("users", "clients", "resourceServers");
    private static final Set<String> RESOURCE_SERVER_KEYS = Set.of("resource", "name", "scopes");
    private static final Set<String> USER_KEYS = Set.of("username", "email", "emailVerified", "givenName",
            "familyName", "name", "middleName", "nickname", "picture", "website", "gender", "birthdate", "zoneinfo",
            "locale", "phoneNumber", "phoneNumberVerified", "address", "password", "passwordHash", "roles");
    private static final Set<String> ADDRESS_KEYS = Set.of("formatted", "streetAddress", "locality", "region",
            "postalCode", "country");
    private static final Set<String> CLIENT_KEYS = Set.of("clientId", "name", "type", "secret", "redirectUris",
            "grantTypes", "scopes", "firstParty", "applicationType", "tokenEndpointAuthMethod", "jwksUri", "jwks",
            "idTokenSignedResponseAlg", "requestObjectSigningAlg", "accessTokenLifetime", "refreshTokenLifetime",
            "defaultMaxAge", "requireAuthTime", "clientUri", "logoUri", "policyUri", "tosUri", "contacts",
            "postLogoutRedirectUris", "backchannelLogoutUri", "backchannelLogoutSessionRequired");

    /** Parses and checks a file; throws {@link IllegalArgumentException} naming the first bad entry. */
    static ImportFile read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the import file " + file + ": " + e.getMessage(), e);
        }
    }

    static ImportFile parse(Reader reader) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(reader);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("The import file is neither valid YAML nor JSON: " + e.getMessage(), e);
        }
        if (root == null) {
            return new ImportFile(List.of(), List.of(), List.of());
        }
        Map<String, Object> document = object(root, "the document");
        checkKeys(document, TOP_LEVEL, "the document");
        List<NewUser> users = new ArrayList<>();
        for (Object entry : list(document.get("users"), "users")) {
            users.add(user(object(entry, "a user")));
        }
        List<ClientDefinition> clients = new ArrayList<>();
        for (Object entry : list(document.get("clients"), "clients")) {
            clients.add(client(object(entry, "a client")));
        }
        List<ResourceServerDefinition> resourceServers = new ArrayList<>();
        for (Object entry : list(document.get("resourceServers"), "resourceServers")) {
            resourceServers.add(resourceServer(object(entry, "a resource server")));
        }
        return new ImportFile(users, clients, resourceServers);
    }

    private static ResourceServerDefinition resourceServer(Map<String, Object> entry) {
        String resource = requiredText(entry, "resource", "a resource server");
        String where = "resource server '" + resource + "'";
        checkKeys(entry, RESOURCE_SERVER_KEYS, where);
        return new ResourceServerDefinition(resource, text(entry, "name", where), strings(entry, "scopes", where));
    }

    private static NewUser user(Map<String, Object> entry) {
        String username = requiredText(entry, "username", "a user");
        String where = "user '" + username + "'";
        checkKeys(entry, USER_KEYS, where);
        if (entry.get("password") != null && entry.get("passwordHash") != null) {
            throw new IllegalArgumentException(where + ": give either password or passwordHash, not both");
        }
        return new NewUser(username, text(entry, "email", where), bool(entry, "emailVerified", where),
                text(entry, "givenName", where), text(entry, "familyName", where), text(entry, "name", where),
                details(entry, where), text(entry, "password", where), text(entry, "passwordHash", where),
                strings(entry, "roles", where));
    }

    private static ProfileDetails details(Map<String, Object> entry, String where) {
        return new ProfileDetails(text(entry, "middleName", where), text(entry, "nickname", where),
                text(entry, "picture", where), text(entry, "website", where), text(entry, "gender", where),
                text(entry, "birthdate", where), text(entry, "zoneinfo", where), text(entry, "locale", where),
                text(entry, "phoneNumber", where), bool(entry, "phoneNumberVerified", where),
                address(entry.get("address"), where));
    }

    private static PostalAddress address(Object value, String where) {
        if (value == null) {
            return PostalAddress.NONE;
        }
        String at = where + ": address";
        Map<String, Object> address = object(value, at);
        checkKeys(address, ADDRESS_KEYS, at);
        return new PostalAddress(text(address, "formatted", at), text(address, "streetAddress", at),
                text(address, "locality", at), text(address, "region", at), text(address, "postalCode", at),
                text(address, "country", at));
    }

    private static ClientDefinition client(Map<String, Object> entry) {
        String clientId = requiredText(entry, "clientId", "a client");
        String where = "client '" + clientId + "'";
        checkKeys(entry, CLIENT_KEYS, where);
        String type = text(entry, "type", where);
        ClientType clientType;
        try {
            clientType = type == null ? ClientType.CONFIDENTIAL : ClientType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": type must be confidential or public", e);
        }
        String secret = text(entry, "secret", where);
        ClientMetadata metadata = metadata(entry, where);
        boolean secretless = metadata.tokenEndpointAuthMethod() != null
                && Set.of("private_key_jwt", "none").contains(metadata.tokenEndpointAuthMethod());
        if (clientType == ClientType.CONFIDENTIAL && secret == null && !secretless) {
            // a generated secret would be shown to nobody: an import states the secret it wants
            throw new IllegalArgumentException(where + ": a confidential client needs a secret in the import file");
        }
        return new ClientDefinition(clientId, text(entry, "name", where), clientType, secret,
                List.copyOf(strings(entry, "redirectUris", where)), strings(entry, "grantTypes", where),
                strings(entry, "scopes", where), bool(entry, "firstParty", where), metadata);
    }

    private static ClientMetadata metadata(Map<String, Object> entry, String where) {
        Object jwks = entry.get("jwks");
        if (jwks != null && !(jwks instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where + ": jwks must be a JWK Set object");
        }
        Object maxAge = entry.get("defaultMaxAge");
        if (maxAge != null && !(maxAge instanceof Integer)) {
            throw new IllegalArgumentException(where + ": defaultMaxAge must be a number of seconds");
        }
        return new ClientMetadata(text(entry, "applicationType", where), text(entry, "tokenEndpointAuthMethod", where),
                text(entry, "jwksUri", where),
                jwks == null ? null : Json.createObjectBuilder(object(jwks, where + ": jwks")).build().toString(),
                text(entry, "idTokenSignedResponseAlg", where), text(entry, "requestObjectSigningAlg", where),
                duration(entry, "accessTokenLifetime", where), duration(entry, "refreshTokenLifetime", where),
                (Integer) maxAge, bool(entry, "requireAuthTime", where), text(entry, "clientUri", where),
                text(entry, "logoUri", where), text(entry, "policyUri", where), text(entry, "tosUri", where),
                List.copyOf(strings(entry, "contacts", where)),
                List.copyOf(strings(entry, "postLogoutRedirectUris", where)), text(entry, "backchannelLogoutUri", where),
                bool(entry, "backchannelLogoutSessionRequired", where));
    }

    private static Duration duration(Map<String, Object> entry, String key, String where) {
        String value = text(entry, key, where);
        try {
            return value == null ? null : Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": " + key + " must be an ISO-8601 duration such as PT10M", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String where) {
        if (!(value instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return (Map<String, Object>) map;
    }

    private static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where + " must be a list");
        }
        return list;
    }

    private static void checkKeys(Map<String, Object> entry, Set<String> allowed, String where) {
        for (String key : entry.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown field '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String requiredText(Map<String, Object> entry, String key, String where) {
        String value = text(entry, key, where);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where + " has no " + key);
        }
        return value;
    }

    private static String text(Map<String, Object> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException(where + ": " + key + " must be text");
        }
        return text;
    }

    private static boolean bool(Map<String, Object> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException(where + ": " + key + " must be true or false");
        }
        return flag;
    }

    private static Set<String> strings(Map<String, Object> entry, String key, String where) {
        Object value = entry.get(key);
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof Collection<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + ": " + key + " must be a list of text");
        }
        Set<String> result = new LinkedHashSet<>();
        items.forEach(item -> result.add((String) item));
        return result;
    }
}

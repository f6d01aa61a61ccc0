package dev.latchkey.server.startup;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Reads a declarative import file (YAML, or JSON, which is YAML too) into users and clients,
 * checking every entry before anything is applied. The format is documented in docs/import.md.
 */
record ImportFile(List<NewUser> users, List<ClientDefinition> clients) {

    private static final Set<String> TOP_LEVEL = Set.of("users", "clients");
    private static final Set<String> USER_KEYS = Set.of("username", "email", "emailVerified", "givenName",
            "familyName", "name", "password", "passwordHash", "roles");
    private static final Set<String> CLIENT_KEYS = Set.of("clientId", "name", "type", "secret", "redirectUris",
            "grantTypes", "scopes", "firstParty");

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
            return new ImportFile(List.of(), List.of());
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
        return new ImportFile(users, clients);
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
                text(entry, "password", where), text(entry, "passwordHash", where), strings(entry, "roles", where));
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
        if (clientType == ClientType.CONFIDENTIAL && secret == null) {
            // a generated secret would be shown to nobody: an import states the secret it wants
            throw new IllegalArgumentException(where + ": a confidential client needs a secret in the import file");
        }
        return new ClientDefinition(clientId, text(entry, "name", where), clientType, secret,
                List.copyOf(strings(entry, "redirectUris", where)), strings(entry, "grantTypes", where),
                strings(entry, "scopes", where), bool(entry, "firstParty", where));
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

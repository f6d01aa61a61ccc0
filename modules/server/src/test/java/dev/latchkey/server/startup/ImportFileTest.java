package dev.latchkey.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFileTest {

    private static final String YAML = """
            users:
              - username: alice
                email: alice@example.com
                emailVerified: true
                givenName: Alice
                familyName: Liddell
                password: correct-horse-battery
                roles: [admin]
              - username: bob
                passwordHash: "$2b$10$abcdefghijklmnopqrstuu7k3nUD9SJgO5fHhZz1lF3fCz4r7k2dG"
            clients:
              - clientId: shop
                name: The shop
                type: confidential
                secret: a-secret-that-is-long-enough-for-latchkey
                redirectUris: [https://shop.example.com/callback]
                grantTypes: [authorization_code, refresh_token]
                scopes: [openid, profile, email]
                firstParty: true
              - clientId: spa
                type: public
                redirectUris: [http://127.0.0.1:5173/callback]
            """;

    @Test
    void readsUsersAndClientsFromYaml() {
        ImportFile file = ImportFile.parse(new StringReader(YAML));

        NewUser alice = file.users().get(0);
        assertEquals("alice", alice.username());
        assertEquals("alice@example.com", alice.email());
        assertTrue(alice.emailVerified());
        assertEquals(Set.of("admin"), alice.roles());
        assertEquals("correct-horse-battery", alice.password());
        assertTrue(file.users().get(1).passwordHash().startsWith("$2b$"));

        ClientDefinition shop = file.clients().get(0);
        assertEquals(ClientType.CONFIDENTIAL, shop.type());
        assertEquals(List.of("https://shop.example.com/callback"), shop.redirectUris());
        assertEquals(Set.of("authorization_code", "refresh_token"), shop.grantTypes());
        assertTrue(shop.firstParty());
        assertEquals(ClientType.PUBLIC, file.clients().get(1).type());
    }

    @Test
    void readsTheSameContentFromJson(@TempDir Path directory) throws Exception {
        Path json = directory.resolve("import.json");
        Files.writeString(json, """
                {"users": [{"username": "carol", "roles": ["auditor"]}],
                 "clients": [{"clientId": "cli", "type": "public", "grantTypes": ["authorization_code"]}]}
                """);
        ImportFile file = ImportFile.read(json);
        assertEquals("carol", file.users().get(0).username());
        assertEquals("cli", file.clients().get(0).clientId());
    }

    @Test
    void anEmptyFileImportsNothing() {
        ImportFile file = ImportFile.parse(new StringReader(""));
        assertTrue(file.users().isEmpty());
        assertTrue(file.clients().isEmpty());
    }

    @Test
    void badEntriesAreRefusedWithTheirName() {
        assertMessage("users:\n  - email: x@example.com\n", "a user has no username");
        assertMessage("users:\n  - username: a\n    password: x\n    passwordHash: y\n", "user 'a': give either");
        assertMessage("users:\n  - username: a\n    role: admin\n", "user 'a': unknown field 'role'");
        assertMessage("users:\n  - username: a\n    emailVerified: yes-please\n", "emailVerified must be true or false");
        assertMessage("users:\n  - username: a\n    roles: admin\n", "roles must be a list of text");
        assertMessage("clients:\n  - clientId: c\n    type: secretive\n", "type must be confidential or public");
        assertMessage("clients: {clientId: c}\n", "clients must be a list");
        assertMessage("clients:\n  - clientId: c\n    type: confidential\n", "client 'c': a confidential client needs a secret");
        assertMessage("groups: []\n", "unknown field 'groups'");
        assertMessage("- just a list\n", "the document must be an object");
        assertMessage("users: [\n", "neither valid YAML nor JSON");
        assertMessage("users:\n  - username: 7\n", "username must be text");
        assertMessage("users:\n  - username: a\n    username: b\n", "neither valid YAML nor JSON");
    }

    @Test
    void aMissingFileIsReportedWithItsPath(@TempDir Path directory) {
        Path missing = directory.resolve("nope.yaml");
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> ImportFile.read(missing));
        assertTrue(failure.getMessage().contains(missing.toString()));
    }

    private static void assertMessage(String content, String expected) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> ImportFile.parse(new StringReader(content)));
        assertTrue(failure.getMessage().contains(expected), failure.getMessage());
    }
}

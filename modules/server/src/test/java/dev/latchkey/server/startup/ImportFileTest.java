package dev.latchkey.server.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    void readsTheStandardClaimsOfAUser() {
        ImportFile file = ImportFile.parse(new StringReader("""
                users:
                  - username: alice
                    middleName: Pleasance
                    nickname: Ali
                    picture: https://example.com/alice.png
                    website: https://alice.example
                    gender: female
                    birthdate: "1852-05-04"
                    zoneinfo: Europe/London
                    locale: en-GB
                    phoneNumber: "+441865276150"
                    phoneNumberVerified: true
                    address:
                      formatted: "St Aldates\\nOxford"
                      streetAddress: St Aldates
                      locality: Oxford
                      region: Oxfordshire
                      postalCode: OX1 1DP
                      country: United Kingdom
                """));

        assertEquals(new ProfileDetails("Pleasance", "Ali", "https://example.com/alice.png", "https://alice.example",
                "female", "1852-05-04", "Europe/London", "en-GB", "+441865276150", true,
                new PostalAddress("St Aldates\nOxford", "St Aldates", "Oxford", "Oxfordshire", "OX1 1DP",
                        "United Kingdom")), file.users().get(0).details());
        assertEquals(ProfileDetails.NONE, ImportFile.parse(new StringReader("users: [{username: bob}]")).users().get(0)
                .details());
    }

    @Test
    void refusesABadAddressOrClaimType() {
        assertEquals("user 'alice': address: unknown field 'street' (allowed: country, formatted, locality,"
                        + " postalCode, region, streetAddress)",
                assertThrows(IllegalArgumentException.class, () -> ImportFile.parse(new StringReader(
                        "users: [{username: alice, address: {street: x}}]"))).getMessage());
        assertEquals("user 'alice': address must be an object",
                assertThrows(IllegalArgumentException.class, () -> ImportFile.parse(new StringReader(
                        "users: [{username: alice, address: Oxford}]"))).getMessage());
        assertEquals("user 'alice': birthdate must be text",
                assertThrows(IllegalArgumentException.class, () -> ImportFile.parse(new StringReader(
                        "users: [{username: alice, birthdate: 1852}]"))).getMessage());
        assertEquals("user 'alice': phoneNumberVerified must be true or false",
                assertThrows(IllegalArgumentException.class, () -> ImportFile.parse(new StringReader(
                        "users: [{username: alice, phoneNumberVerified: maybe}]"))).getMessage());
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
    void readsTheClientMetadataWithCamelCaseNames() {
        ImportFile file = ImportFile.parse(new StringReader("""
                clients:
                  - clientId: signer
                    tokenEndpointAuthMethod: private_key_jwt
                    applicationType: native
                    redirectUris: ["com.example.app:/cb"]
                    jwks: {keys: [{kty: EC, crv: P-256, x: abc, y: def}]}
                    idTokenSignedResponseAlg: ES256
                    accessTokenLifetime: PT10M
                    refreshTokenLifetime: P7D
                    defaultMaxAge: 3600
                    requireAuthTime: true
                    logoUri: https://app.example/logo.png
                    contacts: [ops@app.example]
                    postLogoutRedirectUris: ["com.example.app:/bye"]
                    backchannelLogoutUri: https://app.example/backchannel
                    backchannelLogoutSessionRequired: true
                """));
        ClientMetadata metadata = file.clients().get(0).metadata();
        assertEquals("private_key_jwt", metadata.tokenEndpointAuthMethod());
        assertEquals("native", metadata.applicationType());
        assertEquals("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"abc\",\"y\":\"def\"}]}", metadata.jwks());
        assertEquals("ES256", metadata.idTokenSignedResponseAlg());
        assertEquals(Duration.ofMinutes(10), metadata.accessTokenLifetime());
        assertEquals(Duration.ofDays(7), metadata.refreshTokenLifetime());
        assertEquals(3600, metadata.defaultMaxAge());
        assertTrue(metadata.requireAuthTime());
        assertEquals("https://app.example/logo.png", metadata.logoUri());
        assertEquals(List.of("ops@app.example"), metadata.contacts());
        assertEquals(List.of("com.example.app:/bye"), metadata.postLogoutRedirectUris());
        assertEquals("https://app.example/backchannel", metadata.backchannelLogoutUri());
        assertTrue(metadata.backchannelLogoutSessionRequired());
        assertNull(file.clients().get(0).secret(), "a private_key_jwt client needs no secret");
    }

    @Test
    void badClientMetadataIsRefusedWithTheClientsName() {
        assertMessage("clients:\n  - clientId: c\n    secret: s\n    accessTokenLifetime: 10\n", "client 'c': accessTokenLifetime must be text");
        assertMessage("clients:\n  - clientId: c\n    secret: s\n    accessTokenLifetime: ten\n", "must be an ISO-8601 duration");
        assertMessage("clients:\n  - clientId: c\n    secret: s\n    jwks: [a]\n", "jwks must be a JWK Set object");
        assertMessage("clients:\n  - clientId: c\n    secret: s\n    defaultMaxAge: soon\n", "defaultMaxAge must be a number");
    }

    @Test
    void readsResourceServers() {
        ImportFile file = ImportFile.parse(new StringReader("""
                resourceServers:
                  - resource: https://orders.example.com/api
                    name: Orders
                    scopes: [orders:read, orders:write]
                  - resource: https://mcp.example.com/mcp
                    scopes: [mcp]
                """));
        assertEquals(2, file.resourceServers().size());
        ResourceServerDefinition orders = file.resourceServers().get(0);
        assertEquals("https://orders.example.com/api", orders.resource());
        assertEquals("Orders", orders.name());
        assertEquals(Set.of("orders:read", "orders:write"), orders.scopes());
        assertNull(file.resourceServers().get(1).name());
    }

    @Test
    void badResourceServersAreRefusedWithTheirName() {
        assertMessage("resourceServers:\n  - name: Orders\n", "a resource server has no resource");
        assertMessage("resourceServers:\n  - resource: https://o.example\n    audience: x\n",
                "resource server 'https://o.example': unknown field 'audience'");
        assertMessage("resourceServers:\n  - resource: https://o.example\n    scopes: orders:read\n",
                "scopes must be a list of text");
        assertMessage("resourceServers: {resource: https://o.example}\n", "resourceServers must be a list");
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

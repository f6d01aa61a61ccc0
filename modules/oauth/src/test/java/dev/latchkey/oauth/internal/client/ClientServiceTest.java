package dev.latchkey.oauth.internal.client;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.events.ClientChanged.Change;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientServiceTest {

    static final String SECRET = "an-imported-secret-of-thirty-two-chars!";

    private final InMemoryClients stored = new InMemoryClients();
    private final RecordingEvent<ClientChanged> changed = new RecordingEvent<>();
    private final TestClock clock = new TestClock();
    private final ClientService service = new ClientService(stored, changed, TestClients.sealing(), clock);

    static ClientDefinition confidential(String clientId, String secret) {
        return new ClientDefinition(clientId, "App", ClientType.CONFIDENTIAL, secret, List.of("https://app.example/cb"),
                Set.of("authorization_code", "refresh_token"), Set.of("openid", "orders:read"), false);
    }

    static ClientDefinition secretJwt(String clientId, String secret) {
        return withMethod(confidential(clientId, secret), "client_secret_jwt");
    }

    static ClientDefinition withMethod(ClientDefinition definition, String method) {
        return new ClientDefinition(definition.clientId(), definition.name(), definition.type(), definition.secret(),
                definition.redirectUris(), definition.grantTypes(), definition.scopes(), definition.firstParty(),
                new ClientMetadata(null, method, null, null, null, null, null, null, null, false, null, null, null,
                        null, List.of()));
    }

    private String openedSecret(String clientId) {
        return new String(TestClients.sealing().open(stored.find(clientId).orElseThrow().client()).orElseThrow(),
                StandardCharsets.UTF_8);
    }

    static ClientDefinition publicClient(String clientId) {
        return new ClientDefinition(clientId, "SPA", ClientType.PUBLIC, null, List.of("http://localhost:3000/cb"),
                Set.of(), Set.of(), false);
    }

    @Test
    void createWhenConfidentialWithoutSecretThenGeneratedOnceAndStoredHashed() {
        SavedClient saved = service.create(confidential("app", null));
        assertNotNull(saved.secret());
        assertEquals(43, saved.secret().length(), "256 bits, base64url");
        assertEquals(ClientSecrets.hash(saved.secret()), stored.find("app").orElseThrow().client().secretHash());
        assertEquals(List.of(Change.CREATED), changed.fired().stream().map(ClientChanged::change).toList());
        assertEquals(TestClock.START, saved.client().createdAt());
    }

    @Test
    void createWhenSecretGivenThenStoredHashedAndNotEchoed() {
        SavedClient saved = service.create(confidential("app", SECRET));
        assertNull(saved.secret());
        assertTrue(ClientSecrets.matches(SECRET, stored.find("app").orElseThrow().client().secretHash()));
    }

    @Test
    void createWhenClientSecretJwtThenSecretHashedAndSealed() {
        SavedClient saved = service.create(secretJwt("app", null));
        assertTrue(ClientSecrets.matches(saved.secret(), stored.find("app").orElseThrow().client().secretHash()));
        assertEquals(saved.secret(), openedSecret("app"));
    }

    @Test
    void createWhenOtherSecretMethodThenNothingSealed() {
        service.create(confidential("app", SECRET));
        assertNull(stored.find("app").orElseThrow().client().sealedSecret());
    }

    @Test
    void upsertWhenClientSecretJwtImportedAgainThenNoWrite() {
        service.upsert(secretJwt("app", SECRET));
        StoredClient before = stored.find("app").orElseThrow();
        assertNull(service.upsert(secretJwt("app", SECRET)));
        assertEquals(before, stored.find("app").orElseThrow());
        assertEquals(SECRET, openedSecret("app"));
    }

    @Test
    void updateWhenSwitchedToClientSecretJwtThenNewSecretSealedAndWhenSwitchedBackThenSealedDropped() {
        String old = service.create(confidential("app", null)).secret();
        SavedClient switched = service.update("app", secretJwt("app", null));
        assertNotNull(switched.secret(), "only the hash of the old secret is known: a new one is issued");
        assertNotEquals(old, switched.secret());
        assertEquals(switched.secret(), openedSecret("app"));
        assertNull(service.update("app", confidential("app", null)).secret());
        RegisteredClient back = stored.find("app").orElseThrow().client();
        assertNull(back.sealedSecret());
        assertTrue(ClientSecrets.matches(switched.secret(), back.secretHash()));
    }

    @Test
    void rotateSecretWhenClientSecretJwtThenNewSecretSealed() {
        service.create(secretJwt("app", null));
        String fresh = service.rotateSecret("app").secret();
        assertEquals(fresh, openedSecret("app"));
    }

    @Test
    void createWhenPublicThenNoSecret() {
        SavedClient saved = service.create(publicClient("spa"));
        assertNull(saved.secret());
        assertNull(saved.client().client().secretHash());
    }

    @Test
    void createWhenClientIdAbsentThenGenerated() {
        SavedClient saved = service.create(new ClientDefinition(null, "App", ClientType.PUBLIC, null,
                List.of("http://localhost/cb"), Set.of(), Set.of(), false));
        assertEquals(36, saved.client().client().clientId().length());
    }

    @Test
    void createWhenClientIdTakenThenConflict() {
        service.create(publicClient("spa"));
        assertProblem(409, () -> service.create(publicClient("spa")));
    }

    @Test
    void upsertWhenAbsentThenCreatesAndReturnsGeneratedSecret() {
        assertNotNull(service.upsert(confidential("app", null)));
        assertNull(service.upsert(confidential("app2", SECRET)));
        assertEquals(2, stored.count());
    }

    @Test
    void upsertWhenPresentThenUpdatesKeepingOrSettingSecret() {
        String generated = service.create(confidential("app", null)).secret();
        assertNull(service.upsert(confidential("app", null)));
        assertTrue(ClientSecrets.matches(generated, stored.find("app").orElseThrow().client().secretHash()));
        assertNull(service.upsert(confidential("app", SECRET)));
        assertTrue(ClientSecrets.matches(SECRET, stored.find("app").orElseThrow().client().secretHash()));
    }

    @Test
    void upsertWhenNothingChangedThenNoWriteAndNoEvent() {
        service.upsert(confidential("app", SECRET));
        StoredClient before = stored.find("app").orElseThrow();
        int events = changed.fired().size();
        clock.advance(Duration.ofMinutes(1));

        assertNull(service.upsert(confidential("app", SECRET)));

        assertEquals(before, stored.find("app").orElseThrow());
        assertEquals(events, changed.fired().size());
    }

    @Test
    void updateWhenPresentThenStateReplacedSecretKept() {
        String secret = service.create(confidential("app", null)).secret();
        clock.advance(Duration.ofMinutes(1));
        ClientDefinition changedDefinition = new ClientDefinition("app", "Renamed", ClientType.CONFIDENTIAL, null,
                List.of("https://app.example/new"), Set.of("authorization_code"), Set.of("openid"), true);
        SavedClient saved = service.update("app", changedDefinition);
        assertNull(saved.secret());
        RegisteredClient client = stored.find("app").orElseThrow().client();
        assertEquals("Renamed", client.name());
        assertEquals(List.of("https://app.example/new"), client.redirectUris());
        assertTrue(client.firstParty());
        assertTrue(ClientSecrets.matches(secret, client.secretHash()));
        assertNotEquals(saved.client().createdAt(), saved.client().updatedAt());
        assertEquals(Change.UPDATED, changed.fired().get(1).change());
    }

    @Test
    void updateWhenMadePublicThenSecretDroppedAndWhenMadeConfidentialThenNewSecret() {
        service.create(confidential("app", null));
        service.update("app", new ClientDefinition("app", "App", ClientType.PUBLIC, null,
                List.of("https://app.example/cb"), Set.of(), Set.of(), false));
        assertNull(stored.find("app").orElseThrow().client().secretHash());
        SavedClient again = service.update("app", confidential("app", null));
        assertNotNull(again.secret());
        assertTrue(ClientSecrets.matches(again.secret(), stored.find("app").orElseThrow().client().secretHash()));
    }

    @Test
    void updateWhenSecretGivenThenValidationProblem() {
        service.create(confidential("app", null));
        assertProblem(400, () -> service.update("app", confidential("app", SECRET)));
    }

    @Test
    void updateWhenClientIdChangedThenValidationProblem() {
        service.create(confidential("app", null));
        assertProblem(400, () -> service.update("app", confidential("other", null)));
    }

    @Test
    void updateWhenAbsentThenNotFound() {
        assertProblem(404, () -> service.update("app", confidential("app", null)));
    }

    @Test
    void deleteWhenPresentThenGoneAndDeletedEvent() {
        service.create(publicClient("spa"));
        service.delete("spa");
        assertFalse(stored.find("spa").isPresent());
        assertEquals(Change.DELETED, changed.fired().get(1).change());
    }

    @Test
    void deleteWhenAbsentThenNotFound() {
        assertProblem(404, () -> service.delete("spa"));
    }

    @Test
    void rotateSecretWhenConfidentialThenOldStopsNewWorks() {
        String old = service.create(confidential("app", null)).secret();
        String fresh = service.rotateSecret("app").secret();
        String hash = stored.find("app").orElseThrow().client().secretHash();
        assertFalse(ClientSecrets.matches(old, hash));
        assertTrue(ClientSecrets.matches(fresh, hash));
        assertEquals(Change.SECRET_ROTATED, changed.fired().get(1).change());
    }

    @Test
    void rotateSecretWhenPublicThenValidationProblem() {
        service.create(publicClient("spa"));
        assertProblem(400, () -> service.rotateSecret("spa"));
    }

    @Test
    void listWhenPagedThenOrderedByClientIdWithTotal() {
        for (String id : List.of("c", "a", "b")) {
            service.create(publicClient(id));
        }
        ClientPage page = service.list(1, 2);
        assertEquals(List.of("c"), page.items().stream().map(client -> client.client().clientId()).toList());
        assertEquals(3, page.total());
        assertEquals(1, page.page());
        assertEquals(2, page.size());
        assertEquals(2, service.list(0, 2).items().size());
    }

    @Test
    void listWhenPageOrSizeOutOfRangeThenValidationProblem() {
        assertProblem(400, () -> service.list(-1, 20));
        assertProblem(400, () -> service.list(0, 0));
        assertProblem(400, () -> service.list(0, 101));
    }
}

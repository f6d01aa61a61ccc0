package dev.latchkey.oauth.internal.resource;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.api.PageRequest;
import dev.latchkey.kernel.testing.RecordingBroadcast;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.fixtures.InMemoryResourceServers;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceServerServiceTest {

    private static final String ORDERS = "https://orders.example.com/api";

    private final TestClock clock = new TestClock();
    private final InMemoryResourceServers store = new InMemoryResourceServers();
    private final RecordingEvent<ResourceServersChanged> changed = new RecordingEvent<>();
    private final TestServerSettings server = new TestServerSettings();
    private final ResourceServerService service = new ResourceServerService(store, server, changed, clock);
    private final RecordingBroadcast broadcast = new RecordingBroadcast();
    private final ResourceServerCatalog catalog = new ResourceServerCatalog(store, server, OAuthSettings.defaults(), broadcast,
            clock);

    private static ResourceServerDefinition orders(String... scopes) {
        return new ResourceServerDefinition(ORDERS, "Orders", Set.of(scopes));
    }

    @Test
    void createWhenValidThenStoredAndAnnounced() {
        StoredResourceServer saved = service.create(orders("orders:read", "orders:write"));
        assertEquals(new ResourceServer(ORDERS, "Orders", Set.of("orders:read", "orders:write")), saved.server());
        assertEquals(saved, service.find(saved.id()).orElseThrow());
        assertEquals(ORDERS, changed.fired().get(0).identifier());
    }

    @Test
    void createWhenNoNameThenTheIdentifierNamesIt() {
        assertEquals(ORDERS, service.create(new ResourceServerDefinition(ORDERS, null, Set.of("a"))).server().name());
    }

    @Test
    void createWhenResourceTakenThenConflict() {
        service.create(orders("orders:read"));
        assertProblem(409, () -> service.create(orders("orders:write")));
    }

    @Test
    void createWhenDefinitionInvalidThenValidationProblemAndNothingStored() {
        assertProblem(400, () -> service.create(new ResourceServerDefinition("/relative", "x", Set.of("a"))));
        assertProblem(400, () -> service.create(new ResourceServerDefinition(ORDERS + "#f", "x", Set.of("a"))));
        assertProblem(400, () -> service.create(new ResourceServerDefinition(null, "x", Set.of("a"))));
        assertProblem(400, () -> service.create(new ResourceServerDefinition(ORDERS + "/" + "a".repeat(2048), "x",
                Set.of("a"))));
        assertProblem(400, () -> service.create(new ResourceServerDefinition(server.issuer(), "x", Set.of("a"))));
        assertProblem(400, () -> service.create(orders()));
        assertProblem(400, () -> service.create(orders("openid")));
        assertProblem(400, () -> service.create(orders("orders\"read")));
        assertProblem(400, () -> service.create(orders("two scopes")));
        assertProblem(400, () -> service.create(new ResourceServerDefinition(ORDERS, "n".repeat(256), Set.of("a"))));
        assertEquals(0, store.count());
        assertTrue(changed.fired().isEmpty());
    }

    @Test
    void updateWhenValidThenReplacedKeepingCreation() {
        StoredResourceServer created = service.create(orders("orders:read"));
        clock.advance(Duration.ofMinutes(1));
        StoredResourceServer updated = service.update(created.id(), orders("orders:read", "orders:admin"));
        assertEquals(Set.of("orders:read", "orders:admin"), updated.server().scopes());
        assertEquals(created.createdAt(), updated.createdAt());
        assertEquals(clock.instant(), updated.updatedAt());
    }

    @Test
    void updateWhenAbsentThenNotFound() {
        assertProblem(404, () -> service.update(UUID.randomUUID(), orders("orders:read")));
    }

    @Test
    void updateWhenIdentifierOfAnotherThenConflict() {
        service.create(orders("orders:read"));
        StoredResourceServer other = service.create(new ResourceServerDefinition("https://other.example", null,
                Set.of("x")));
        assertProblem(409, () -> service.update(other.id(), orders("orders:read")));
    }

    @Test
    void deleteThenGoneAndAnnounced() {
        StoredResourceServer created = service.create(orders("orders:read"));
        service.delete(created.id());
        assertEquals(0, store.count());
        assertEquals(2, changed.fired().size());
        assertProblem(404, () -> service.delete(created.id()));
    }

    @Test
    void listWhenPagedThenOrderedByIdentifierWithTotal() {
        service.create(new ResourceServerDefinition("https://b.example", null, Set.of("b")));
        service.create(new ResourceServerDefinition("https://a.example", null, Set.of("a")));
        ResourceServerPage page = service.list(new PageRequest(0, 1));
        assertEquals("https://a.example", page.items().get(0).server().identifier());
        assertEquals(2, page.total());
        assertEquals("https://b.example", service.list(new PageRequest(1, 1)).items().get(0).server().identifier());
    }

    @Test
    void upsertWhenSameStateAgainThenNothingAnnounced() {
        service.upsert(orders("orders:read"));
        service.upsert(orders("orders:read"));
        assertEquals(1, changed.fired().size());
        service.upsert(orders("orders:read", "orders:write"));
        assertEquals(Set.of("orders:read", "orders:write"),
                store.findByIdentifier(ORDERS).orElseThrow().server().scopes());
    }

    @Test
    void catalogWhenChangedThenReloadedAfterTheEventAndByTtl() {
        assertEquals(ResourceServer.latchkeyApi(server.issuer()), catalog.find(server.issuer()).orElseThrow());
        assertTrue(catalog.find(ORDERS).isEmpty());
        service.create(orders("orders:read"));
        assertTrue(catalog.find(ORDERS).isEmpty(), "served from memory until the change completes");
        catalog.onChange(changed.fired().get(0));
        assertEquals(Set.of("orders:read"), catalog.find(ORDERS).orElseThrow().scopes());
        store.delete(store.findByIdentifier(ORDERS).orElseThrow().id());
        clock.advance(OAuthSettings.defaults().clientCacheTtl());
        assertTrue(catalog.find(ORDERS).isEmpty(), "another node's delete is seen once the snapshot expires");
    }

    @Test
    void catalogWhenChangedOnAnotherNodeThenReloaded() {
        assertTrue(catalog.find(ORDERS).isEmpty());
        service.create(orders("orders:read"));
        catalog.onBroadcast(new ClusterMessage(ResourceServerCatalog.CHANGED, ORDERS, true));
        assertTrue(catalog.find(ORDERS).isEmpty(), "its own message changes nothing");
        catalog.onBroadcast(new ClusterMessage(ResourceServerCatalog.CHANGED, ORDERS, false));
        assertEquals(Set.of("orders:read"), catalog.find(ORDERS).orElseThrow().scopes());
        store.delete(store.findByIdentifier(ORDERS).orElseThrow().id());
        catalog.onMissedBroadcasts(ClusterMessagesMissed.now());
        assertTrue(catalog.find(ORDERS).isEmpty());
    }

    @Test
    void catalogWhenChangedHereThenTheOtherNodesTold() {
        service.create(orders("orders:read"));
        catalog.onChange(changed.fired().get(0));
        assertEquals(List.of(new ClusterMessage(ResourceServerCatalog.CHANGED, ORDERS, true)), broadcast.published());
    }

    @Test
    void admitsWhenClientHasOneOfTheScopesOrTheServerDefinesNone() {
        ResourceServer orders = new ResourceServer(ORDERS, "Orders", Set.of("orders:read", "orders:write"));
        assertTrue(orders.admits(Set.of("openid", "orders:write")));
        assertTrue(!orders.admits(Set.of("openid", "billing:read")));
        assertTrue(ResourceServer.latchkeyApi(server.issuer()).admits(Set.of()));
    }
}

package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.testing.RecordingBroadcast;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.fixtures.InMemoryClients;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CachedClientLookupTest {

    private final InMemoryClients stored = new InMemoryClients();
    private final TestClock clock = new TestClock();
    private final RecordingBroadcast broadcast = new RecordingBroadcast();
    private final CachedClientLookup lookup = new CachedClientLookup(stored, OAuthSettings.defaults(),
            new MetadataDocumentClients(ClientMetadataDocumentSettings.off(), RegistrationSettings.defaults(),
                    new MetadataDocumentFetcher()), broadcast, clock);
    private final ClientService service = new ClientService(stored, new RecordingEvent<>(lookup::onClientChanged),
            TestClients.sealing(), clock);

    private void create(String clientId, String name) {
        service.create(new ClientDefinition(clientId, name, ClientType.PUBLIC, null, List.of("http://localhost/cb"),
                Set.of(), Set.of(), false));
    }

    @Test
    void findWhenCachedThenNoSecondRead() {
        create("spa", "SPA");
        int before = stored.reads();
        assertEquals("SPA", lookup.find("spa").orElseThrow().name());
        assertEquals("SPA", lookup.find("spa").orElseThrow().name());
        assertEquals(before + 1, stored.reads());
    }

    @Test
    void findWhenTtlPassedThenReadAgain() {
        create("spa", "SPA");
        lookup.find("spa");
        int before = stored.reads();
        clock.advance(Duration.ofSeconds(60));
        lookup.find("spa");
        assertEquals(before + 1, stored.reads());
    }

    @Test
    void findWhenChangedLocallyThenFreshValue() {
        create("spa", "SPA");
        lookup.find("spa");
        service.update("spa", new ClientDefinition("spa", "Renamed", ClientType.PUBLIC, null,
                List.of("http://localhost/cb"), Set.of(), Set.of(), false));
        assertEquals("Renamed", lookup.find("spa").orElseThrow().name());
        service.delete("spa");
        assertFalse(lookup.find("spa").isPresent());
    }

    @Test
    void changeHereThenTheOtherNodesTold() {
        create("spa", "SPA");
        assertEquals(List.of(new ClusterMessage(CachedClientLookup.CHANGED, "spa", true)), broadcast.published());
    }

    @Test
    void findWhenChangedOnAnotherNodeThenReadAgain() {
        create("spa", "SPA");
        lookup.find("spa");
        int before = stored.reads();
        lookup.onBroadcast(new ClusterMessage(CachedClientLookup.CHANGED, "spa", true));
        lookup.find("spa");
        assertEquals(before, stored.reads(), "its own message changes nothing");
        lookup.onBroadcast(new ClusterMessage(CachedClientLookup.CHANGED, "spa", false));
        lookup.find("spa");
        assertEquals(before + 1, stored.reads());
        lookup.onMissedBroadcasts(ClusterMessagesMissed.now());
        lookup.find("spa");
        assertEquals(before + 2, stored.reads());
    }

    @Test
    void findWhenUnknownThenEmptyAndNotCached() {
        assertFalse(lookup.find("nobody").isPresent());
        int before = stored.reads();
        lookup.find("nobody");
        assertEquals(before + 1, stored.reads());
    }

    @Test
    void findWhenFullThenClearedAndStillServes() {
        for (int i = 0; i < CachedClientLookup.MAX_ENTRIES; i++) {
            stored.insert(new StoredClient(java.util.UUID.randomUUID(), new RegisteredClient("c" + i, "C",
                    ClientType.PUBLIC, null, List.of(), Set.of("password"), Set.of("openid"), false),
                    clock.instant(), clock.instant()));
            lookup.find("c" + i);
        }
        create("spa", "SPA");
        assertEquals("SPA", lookup.find("spa").orElseThrow().name());
        assertNull(lookup.find("c0").orElseThrow().secretHash());
    }
}

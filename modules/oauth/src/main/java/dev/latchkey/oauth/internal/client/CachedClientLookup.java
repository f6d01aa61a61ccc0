package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link ClientLookup} from memory: a client read from the database is served for
 * {@code latchkey.oauth.client-cache-ttl} (60 s), so the token endpoint's hot path does not touch
 * the database. A change on this node drops the entry when its transaction completes and is
 * broadcast ({@value #CHANGED}, the client id) to the other nodes, which drop theirs; a node that
 * missed broadcasts forgets every client. Unknown client ids are not cached, so they cannot fill
 * the map, which holds at most {@link #MAX_ENTRIES} clients. A client id that is a URL is a
 * Client ID Metadata Document, resolved by {@link MetadataDocumentClients}.
 */
@ApplicationScoped
public class CachedClientLookup implements ClientLookup {

    static final int MAX_ENTRIES = 10_000;

    /** The broadcast topic of a changed client; the payload is its client id. */
    static final String CHANGED = "oauth.client-changed";

    private final ExpiringCache<String, RegisteredClient> entries = new ExpiringCache<>(MAX_ENTRIES);
    private Clients clients;
    private OAuthSettings settings;
    private MetadataDocumentClients documents;
    private ClusterBroadcast broadcast;
    private Clock clock;

    @Inject
    public CachedClientLookup(Clients clients, OAuthSettings settings, MetadataDocumentClients documents,
                              ClusterBroadcast broadcast) {
        this(clients, settings, documents, broadcast, Clock.systemUTC());
    }

    public CachedClientLookup(Clients clients, OAuthSettings settings, MetadataDocumentClients documents,
                              ClusterBroadcast broadcast, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.documents = documents;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected CachedClientLookup() {
    }

    @Override
    public Optional<RegisteredClient> find(String clientId) {
        if (MetadataDocumentClients.isUrl(clientId)) {
            // a URL is never a stored client id: it is resolved (and cached) apart
            return documents.find(clientId);
        }
        return entries.getOrLoad(clientId, clock.instant(), settings.clientCacheTtl(),
                id -> clients.find(id).map(StoredClient::client));
    }

    /** Drops a changed client once the change is committed (or rolled back), here and on the other nodes. */
    void onClientChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) ClientChanged event) {
        entries.remove(event.clientId());
        broadcast.publish(CHANGED, event.clientId());
    }

    /** Drops a client another node changed. */
    void onBroadcast(@Observes ClusterMessage message) {
        if (!message.fromThisNode() && message.topic().equals(CHANGED)) {
            entries.remove(message.payload());
        }
    }

    void onMissedBroadcasts(@Observes ClusterMessagesMissed missed) {
        entries.clear();
    }
}

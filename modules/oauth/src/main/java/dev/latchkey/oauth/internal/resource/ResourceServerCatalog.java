package dev.latchkey.oauth.internal.resource;

import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every resource server in memory, with Latchkey's own REST API among them, so that the token
 * endpoint's hot path reads no database for a {@code resource} parameter. The registered ones are
 * read all at once (an operator registers a handful) and kept for
 * {@code latchkey.oauth.client-cache-ttl}, like clients; a change on this node drops the snapshot
 * when its transaction completes and is broadcast ({@value #CHANGED}, the identifier), so the other
 * nodes drop theirs; so does a node that missed broadcasts.
 */
@ApplicationScoped
public class ResourceServerCatalog {

    /** The broadcast topic of a changed resource server; the payload is its identifier. */
    static final String CHANGED = "oauth.resource-server-changed";

    private record Snapshot(Map<String, ResourceServer> servers, Instant expiresAt) {
    }

    private ResourceServers servers;
    private ServerSettings server;
    private OAuthSettings settings;
    private ClusterBroadcast broadcast;
    private Clock clock;
    private volatile Snapshot snapshot;

    @Inject
    public ResourceServerCatalog(ResourceServers servers, ServerSettings server, OAuthSettings settings,
                                 ClusterBroadcast broadcast) {
        this(servers, server, settings, broadcast, Clock.systemUTC());
    }

    public ResourceServerCatalog(ResourceServers servers, ServerSettings server, OAuthSettings settings,
                                 ClusterBroadcast broadcast, Clock clock) {
        this.servers = servers;
        this.server = server;
        this.settings = settings;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ResourceServerCatalog() {
    }

    /** The resource server with this identifier: a registered one, or Latchkey's own API (the issuer). */
    public Optional<ResourceServer> find(String identifier) {
        return Optional.ofNullable(current().servers().get(identifier));
    }

    /** Latchkey's own REST API as a resource server. */
    public ResourceServer latchkeyApi() {
        return ResourceServer.latchkeyApi(server.issuer());
    }

    private Snapshot current() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.expiresAt())) {
            Map<String, ResourceServer> loaded = new HashMap<>();
            servers.all().forEach(registered -> loaded.put(registered.identifier(), registered));
            ResourceServer api = latchkeyApi();
            loaded.put(api.identifier(), api);
            current = new Snapshot(Map.copyOf(loaded), now.plus(settings.clientCacheTtl()));
            snapshot = current;
        }
        return current;
    }

    /** Forgets the snapshot once a change is committed (or rolled back), here and on the other nodes. */
    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) ResourceServersChanged event) {
        snapshot = null;
        broadcast.publish(CHANGED, event.identifier());
    }

    /** Forgets the snapshot when another node changed a resource server. */
    void onBroadcast(@Observes ClusterMessage message) {
        if (!message.fromThisNode() && message.topic().equals(CHANGED)) {
            snapshot = null;
        }
    }

    void onMissedBroadcasts(@Observes ClusterMessagesMissed missed) {
        snapshot = null;
    }
}

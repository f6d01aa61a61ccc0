package dev.latchkey.oauth.internal.resource;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.PageRequest;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import dev.latchkey.oauth.api.ResourceServerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers, changes, lists and deletes resource servers (the admin API and the declarative
 * import). Each change fires {@link ResourceServersChanged} inside its transaction, so the
 * catalog of this node reloads after the commit.
 */
@ApplicationScoped
@Transactional
public class ResourceServerService implements ResourceServerRegistry {

    private ResourceServers servers;
    private ServerSettings server;
    private Event<ResourceServersChanged> changed;
    private Clock clock;

    @Inject
    public ResourceServerService(ResourceServers servers, ServerSettings server, Event<ResourceServersChanged> changed) {
        this(servers, server, changed, Clock.systemUTC());
    }

    public ResourceServerService(ResourceServers servers, ServerSettings server, Event<ResourceServersChanged> changed,
                                 Clock clock) {
        this.servers = servers;
        this.server = server;
        this.changed = changed;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ResourceServerService() {
    }

    @Override
    public void upsert(ResourceServerDefinition definition) {
        ResourceServer validated = ResourceServerValidator.validate(definition, server.issuer());
        Optional<StoredResourceServer> existing = servers.findByIdentifier(validated.identifier());
        if (existing.isEmpty()) {
            create(definition);
        } else if (!existing.get().server().equals(validated)) {
            update(existing.get().id(), definition);
        }
    }

    /** Registers a resource server; 409 when its identifier is taken. */
    public StoredResourceServer create(ResourceServerDefinition definition) {
        ResourceServer validated = ResourceServerValidator.validate(definition, server.issuer());
        if (servers.findByIdentifier(validated.identifier()).isPresent()) {
            throw taken(validated.identifier());
        }
        Instant now = clock.instant();
        StoredResourceServer stored = new StoredResourceServer(Ids.newId(), validated, now, now);
        servers.insert(stored);
        changed.fire(new ResourceServersChanged(validated.identifier()));
        return stored;
    }

    public Optional<StoredResourceServer> find(UUID id) {
        return servers.find(id);
    }

    /** One page of resource servers, ordered by identifier. */
    public ResourceServerPage list(PageRequest request) {
        return new ResourceServerPage(servers.list(Math.multiplyExact(request.page(), request.size()), request.size()),
                request.page(), request.size(), servers.count());
    }

    /** Brings a resource server to the definition; 404 when absent, 409 when the new identifier is taken. */
    public StoredResourceServer update(UUID id, ResourceServerDefinition definition) {
        ResourceServer validated = ResourceServerValidator.validate(definition, server.issuer());
        StoredResourceServer current = existing(id);
        Optional<StoredResourceServer> sameIdentifier = servers.findByIdentifier(validated.identifier());
        if (sameIdentifier.isPresent() && !sameIdentifier.get().id().equals(id)) {
            throw taken(validated.identifier());
        }
        StoredResourceServer stored = new StoredResourceServer(id, validated, current.createdAt(), clock.instant());
        servers.update(stored);
        changed.fire(new ResourceServersChanged(validated.identifier()));
        return stored;
    }

    /** Deletes a resource server: tokens already issued for it stay valid until they expire. 404 when absent. */
    public void delete(UUID id) {
        StoredResourceServer current = existing(id);
        servers.delete(id);
        changed.fire(new ResourceServersChanged(current.server().identifier()));
    }

    private static ProblemException taken(String identifier) {
        return Problems.conflict("A resource server with resource '" + identifier + "' exists");
    }

    private StoredResourceServer existing(UUID id) {
        return servers.find(id).orElseThrow(() -> Problems.notFound("No resource server with id '" + id + "'"));
    }
}

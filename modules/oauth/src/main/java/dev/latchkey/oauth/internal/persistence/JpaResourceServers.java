package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.joined;
import static dev.latchkey.oauth.internal.persistence.Columns.split;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.internal.resource.ResourceServer;
import dev.latchkey.oauth.internal.resource.ResourceServers;
import dev.latchkey.oauth.internal.resource.StoredResourceServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ResourceServers} in {@code oauth_resource_server}, with JPA. Transactional itself (joining
 * the caller's transaction when there is one), so the catalog's read never runs in Liberty's local
 * transaction containment.
 */
@ApplicationScoped
@Transactional
public class JpaResourceServers implements ResourceServers {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public Optional<StoredResourceServer> find(UUID id) {
        return Optional.ofNullable(em.find(ResourceServerEntity.class, id.toString())).map(JpaResourceServers::toStored);
    }

    @Override
    public Optional<StoredResourceServer> findByIdentifier(String identifier) {
        return em.createQuery("select r from ResourceServerEntity r where r.identifier = :identifier",
                        ResourceServerEntity.class)
                .setParameter("identifier", identifier).getResultStream().findFirst().map(JpaResourceServers::toStored);
    }

    @Override
    public List<StoredResourceServer> list(int offset, int limit) {
        return em.createQuery("select r from ResourceServerEntity r order by r.identifier", ResourceServerEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(JpaResourceServers::toStored).toList();
    }

    @Override
    public List<ResourceServer> all() {
        return em.createQuery("select r from ResourceServerEntity r", ResourceServerEntity.class).getResultList()
                .stream().map(entity -> toStored(entity).server()).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(r) from ResourceServerEntity r", Long.class).getSingleResult();
    }

    @Override
    public void insert(StoredResourceServer server) {
        ResourceServerEntity entity = new ResourceServerEntity();
        entity.id = server.id().toString();
        entity.createdAt = utc(server.createdAt());
        copy(server, entity);
        em.persist(entity);
    }

    @Override
    public void update(StoredResourceServer server) {
        ResourceServerEntity entity = Optional.ofNullable(em.find(ResourceServerEntity.class, server.id().toString()))
                .orElseThrow(() -> new IllegalStateException("No resource server " + server.id()));
        copy(server, entity);
    }

    @Override
    public void delete(UUID id) {
        Optional.ofNullable(em.find(ResourceServerEntity.class, id.toString())).ifPresent(em::remove);
    }

    private static void copy(StoredResourceServer stored, ResourceServerEntity entity) {
        entity.identifier = stored.server().identifier();
        entity.name = stored.server().name();
        entity.scopes = joined(stored.server().scopes());
        entity.updatedAt = utc(stored.updatedAt());
    }

    private static StoredResourceServer toStored(ResourceServerEntity entity) {
        return new StoredResourceServer(UUID.fromString(entity.id),
                new ResourceServer(entity.identifier, entity.name, new LinkedHashSet<>(split(entity.scopes))),
                instant(entity.createdAt), instant(entity.updatedAt));
    }
}

package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.joined;
import static dev.latchkey.oauth.internal.persistence.Columns.split;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.client.Clients;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.client.StoredClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Clients} in {@code oauth_client}, with JPA. Transactional itself (joining the caller's
 * transaction when there is one), so a read from the client cache never runs in Liberty's local
 * transaction containment, which would roll it back with a warning.
 */
@ApplicationScoped
@Transactional
public class JpaClients implements Clients {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public Optional<StoredClient> find(String clientId) {
        return entity(clientId).map(JpaClients::toStored);
    }

    @Override
    public List<StoredClient> list(int offset, int limit) {
        return em.createQuery("select c from ClientEntity c order by c.clientId", ClientEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(JpaClients::toStored).toList();
    }

    @Override
    public long count() {
        return em.createQuery("select count(c) from ClientEntity c", Long.class).getSingleResult();
    }

    @Override
    public void insert(StoredClient client) {
        ClientEntity entity = new ClientEntity();
        entity.id = client.id().toString();
        entity.createdAt = utc(client.createdAt());
        copy(client, entity);
        em.persist(entity);
    }

    @Override
    public void update(StoredClient client) {
        ClientEntity entity = entity(client.client().clientId())
                .orElseThrow(() -> new IllegalStateException("No client " + client.client().clientId()));
        copy(client, entity);
    }

    @Override
    public void delete(String clientId) {
        entity(clientId).ifPresent(em::remove);
    }

    @Override
    public Optional<String> registrationTokenHash(String clientId) {
        return entity(clientId).map(entity -> entity.registrationTokenHash);
    }

    @Override
    public void updateRegistrationTokenHash(String clientId, String tokenHash) {
        entity(clientId).orElseThrow(() -> new IllegalStateException("No client " + clientId))
                .registrationTokenHash = tokenHash;
    }

    private Optional<ClientEntity> entity(String clientId) {
        return em.createQuery("select c from ClientEntity c where c.clientId = :clientId", ClientEntity.class)
                .setParameter("clientId", clientId).getResultStream().findFirst();
    }

    private static void copy(StoredClient stored, ClientEntity entity) {
        RegisteredClient client = stored.client();
        entity.clientId = client.clientId();
        entity.name = client.name();
        entity.type = client.type().name();
        entity.secretHash = client.secretHash();
        entity.secretSealed = client.sealedSecret();
        entity.redirectUris = joined(client.redirectUris());
        entity.grantTypes = joined(client.grantTypes().stream().sorted().toList());
        entity.scopes = joined(client.scopes().stream().sorted().toList());
        entity.firstParty = client.firstParty();
        entity.metadata = ClientMetadataColumn.write(client.metadata());
        entity.updatedAt = utc(stored.updatedAt());
    }

    private static StoredClient toStored(ClientEntity entity) {
        RegisteredClient client = new RegisteredClient(entity.clientId, entity.name, ClientType.valueOf(entity.type),
                entity.secretHash, split(entity.redirectUris), new LinkedHashSet<>(split(entity.grantTypes)),
                new LinkedHashSet<>(split(entity.scopes)), entity.firstParty, ClientMetadataColumn.read(entity.metadata),
                entity.secretSealed);
        return new StoredClient(UUID.fromString(entity.id), client, instant(entity.createdAt), instant(entity.updatedAt));
    }
}

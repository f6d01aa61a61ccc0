package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.oauth.internal.consent.Consent;
import dev.latchkey.oauth.internal.consent.Consents;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link Consents} in {@code oauth_consent}, with JPA. Transactional itself, like
 * {@link JpaClients}, so no read runs outside a transaction.
 */
@ApplicationScoped
@Transactional
public class JpaConsents implements Consents {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public Optional<Consent> find(UUID userId, String clientId) {
        return entity(userId, clientId).map(JpaConsents::toConsent);
    }

    @Override
    public void save(Consent consent) {
        ConsentEntity entity = entity(consent.userId(), consent.clientId()).orElseGet(() -> {
            ConsentEntity created = new ConsentEntity();
            created.id = Ids.newId().toString();
            created.userId = consent.userId().toString();
            created.clientId = consent.clientId();
            em.persist(created);
            return created;
        });
        entity.scope = consent.scope().toString();
        entity.grantedAt = utc(consent.grantedAt());
    }

    @Override
    public List<Consent> ofUser(UUID userId) {
        return em.createQuery("select c from ConsentEntity c where c.userId = :user order by c.clientId",
                        ConsentEntity.class)
                .setParameter("user", userId.toString()).getResultList().stream().map(JpaConsents::toConsent).toList();
    }

    @Override
    public boolean delete(UUID userId, String clientId) {
        return em.createQuery("delete from ConsentEntity c where c.userId = :user and c.clientId = :client")
                .setParameter("user", userId.toString()).setParameter("client", clientId).executeUpdate() > 0;
    }

    @Override
    public int deleteUser(UUID userId) {
        return em.createQuery("delete from ConsentEntity c where c.userId = :user")
                .setParameter("user", userId.toString()).executeUpdate();
    }

    @Override
    public int deleteClient(String clientId) {
        return em.createQuery("delete from ConsentEntity c where c.clientId = :client")
                .setParameter("client", clientId).executeUpdate();
    }

    private Optional<ConsentEntity> entity(UUID userId, String clientId) {
        TypedQuery<ConsentEntity> query = em.createQuery(
                        "select c from ConsentEntity c where c.userId = :user and c.clientId = :client", ConsentEntity.class)
                .setParameter("user", userId.toString()).setParameter("client", clientId);
        return query.getResultList().stream().findFirst();
    }

    private static Consent toConsent(ConsentEntity entity) {
        return new Consent(UUID.fromString(entity.userId), entity.clientId, Scope.parse(entity.scope),
                instant(entity.grantedAt));
    }
}

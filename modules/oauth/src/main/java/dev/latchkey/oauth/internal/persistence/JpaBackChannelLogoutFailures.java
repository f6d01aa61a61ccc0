package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.oauth.internal.logout.BackChannelLogoutFailure;
import dev.latchkey.oauth.internal.logout.BackChannelLogoutFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** {@link BackChannelLogoutFailures} in {@code oauth_backchannel_logout_failure}, with JPA. */
@ApplicationScoped
@Transactional
public class JpaBackChannelLogoutFailures implements BackChannelLogoutFailures {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public void add(BackChannelLogoutFailure failure) {
        BackChannelLogoutFailureEntity entity = new BackChannelLogoutFailureEntity();
        entity.id = Ids.newId().toString();
        entity.clientId = failure.clientId();
        entity.sessionId = failure.sessionId();
        entity.userId = failure.userId().toString();
        entity.logoutUri = failure.logoutUri();
        entity.reason = failure.reason();
        entity.failedAt = utc(failure.failedAt());
        em.persist(entity);
    }

    @Override
    public List<BackChannelLogoutFailure> ofClient(String clientId, int limit) {
        return em.createQuery("select f from BackChannelLogoutFailureEntity f where f.clientId = :client "
                        + "order by f.failedAt desc, f.id desc", BackChannelLogoutFailureEntity.class)
                .setParameter("client", clientId).setMaxResults(limit).getResultList().stream()
                .map(f -> new BackChannelLogoutFailure(f.clientId, f.sessionId, UUID.fromString(f.userId), f.logoutUri,
                        f.reason, instant(f.failedAt)))
                .toList();
    }

    @Override
    public int deleteClient(String clientId) {
        return em.createQuery("delete from BackChannelLogoutFailureEntity f where f.clientId = :client")
                .setParameter("client", clientId).executeUpdate();
    }
}

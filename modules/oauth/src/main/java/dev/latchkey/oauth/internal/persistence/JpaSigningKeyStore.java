package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.internal.keys.SigningKeyStore;
import dev.latchkey.oauth.internal.keys.StoredSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** {@link SigningKeyStore} in {@code oauth_signing_key}, with JPA. */
@ApplicationScoped
public class JpaSigningKeyStore implements SigningKeyStore {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    @Transactional
    public List<StoredSigningKey> findActive() {
        return em.createQuery("select k from SigningKeyEntity k where k.status = :status order by k.createdAt",
                        SigningKeyEntity.class)
                .setParameter("status", StoredSigningKey.ACTIVE).getResultList().stream()
                .map(entity -> new StoredSigningKey(entity.kid, entity.alg, entity.status, entity.publicJwk,
                        entity.privateJwk, instant(entity.createdAt)))
                .toList();
    }

    /** Its own transaction, flushed, so a unique violation surfaces here and rolls back only this insert. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertActive(StoredSigningKey key) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = key.kid();
        entity.alg = key.alg();
        entity.status = StoredSigningKey.ACTIVE;
        entity.activeAlg = key.alg();
        entity.publicJwk = key.publicJwk();
        entity.privateJwk = key.encryptedPrivateJwk();
        entity.createdAt = utc(key.createdAt());
        em.persist(entity);
        em.flush();
    }
}

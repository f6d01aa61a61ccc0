package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.internal.keys.SigningKeyStore;
import dev.latchkey.oauth.internal.keys.StoredSigningKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
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
                .map(JpaSigningKeyStore::key)
                .toList();
    }

    @Override
    @Transactional
    public List<StoredSigningKey> findAll() {
        return em.createQuery("select k from SigningKeyEntity k order by k.createdAt, k.kid", SigningKeyEntity.class)
                .getResultList().stream()
                .map(JpaSigningKeyStore::key)
                .toList();
    }

    /** Its own transaction, flushed, so a unique violation surfaces here and rolls back only this insert. */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertActive(StoredSigningKey key) {
        SigningKeyEntity entity = entity(key, StoredSigningKey.ACTIVE);
        entity.activeAlg = key.alg();
        entity.activatedAt = utc(key.activatedAt() != null ? key.activatedAt() : key.createdAt());
        em.persist(entity);
        em.flush();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertNext(StoredSigningKey key) {
        em.persist(entity(key, StoredSigningKey.NEXT));
        em.flush();
    }

    /**
     * The conditional retirement goes first: on PostgreSQL a second node's update waits for the
     * first node's row lock and then finds the key no longer active (0 rows), so it changes
     * nothing. Should a promotion still collide, the unique {@code active_alg} refuses it and the
     * whole transaction rolls back.
     */
    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean rotate(String alg, String activeKid, String nextKid, StoredSigningKey newNext, Instant now,
                          Instant deleteRetiredBefore) {
        int retired = em.createQuery("update SigningKeyEntity k set k.status = :retired, k.activeAlg = null, "
                        + "k.retiredAt = :now where k.kid = :kid and k.alg = :alg and k.status = :active")
                .setParameter("retired", StoredSigningKey.RETIRED).setParameter("now", utc(now))
                .setParameter("kid", activeKid).setParameter("alg", alg)
                .setParameter("active", StoredSigningKey.ACTIVE).executeUpdate();
        if (retired != 1) {
            return false;
        }
        int promoted = em.createQuery("update SigningKeyEntity k set k.status = :active, k.activeAlg = :alg, "
                        + "k.activatedAt = :now where k.kid = :kid and k.alg = :alg and k.status = :next")
                .setParameter("active", StoredSigningKey.ACTIVE).setParameter("alg", alg)
                .setParameter("now", utc(now)).setParameter("kid", nextKid)
                .setParameter("next", StoredSigningKey.NEXT).executeUpdate();
        if (promoted != 1) {
            // rolls back the retirement too: never leave an algorithm without an active key
            throw new IllegalStateException("The next " + alg + " key " + nextKid + " is gone");
        }
        if (newNext != null) {
            em.persist(entity(newNext, StoredSigningKey.NEXT));
        }
        em.createQuery("delete from SigningKeyEntity k where k.status = :retired and k.retiredAt < :before")
                .setParameter("retired", StoredSigningKey.RETIRED).setParameter("before", utc(deleteRetiredBefore))
                .executeUpdate();
        em.flush();
        return true;
    }

    private static SigningKeyEntity entity(StoredSigningKey key, String status) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = key.kid();
        entity.alg = key.alg();
        entity.status = status;
        entity.publicJwk = key.publicJwk();
        entity.privateJwk = key.encryptedPrivateJwk();
        entity.createdAt = utc(key.createdAt());
        return entity;
    }

    private static StoredSigningKey key(SigningKeyEntity entity) {
        return new StoredSigningKey(entity.kid, entity.alg, entity.status, entity.publicJwk, entity.privateJwk,
                instant(entity.createdAt), instant(entity.activatedAt), instant(entity.retiredAt));
    }
}

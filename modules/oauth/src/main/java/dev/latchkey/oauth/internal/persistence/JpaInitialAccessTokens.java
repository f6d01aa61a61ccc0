package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.internal.registration.InitialAccessToken;
import dev.latchkey.oauth.internal.registration.InitialAccessTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@link InitialAccessTokens} in {@code oauth_initial_access_token}, with JPA. */
@ApplicationScoped
@Transactional
public class JpaInitialAccessTokens implements InitialAccessTokens {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public void insert(InitialAccessToken token, String tokenHash) {
        InitialAccessTokenEntity entity = new InitialAccessTokenEntity();
        entity.id = token.id().toString();
        entity.tokenHash = tokenHash;
        entity.createdAt = utc(token.createdAt());
        entity.expiresAt = utc(token.expiresAt());
        entity.remaining = token.remaining();
        em.persist(entity);
    }

    @Override
    public List<InitialAccessToken> list() {
        return em.createQuery("select t from InitialAccessTokenEntity t order by t.createdAt desc, t.id desc",
                        InitialAccessTokenEntity.class).getResultList().stream()
                .map(t -> new InitialAccessToken(UUID.fromString(t.id), instant(t.createdAt), instant(t.expiresAt),
                        t.remaining))
                .toList();
    }

    @Override
    public boolean delete(UUID id) {
        return em.createQuery("delete from InitialAccessTokenEntity t where t.id = :id")
                .setParameter("id", id.toString()).executeUpdate() == 1;
    }

    @Override
    public boolean consume(String tokenHash, Instant now) {
        // a conditional update: the row lock makes a concurrent second use see the new count
        return em.createQuery("update InitialAccessTokenEntity t set t.remaining = t.remaining - 1"
                        + " where t.tokenHash = :hash and t.remaining > 0 and t.expiresAt > :now")
                .setParameter("hash", tokenHash).setParameter("now", utc(now)).executeUpdate() == 1;
    }
}

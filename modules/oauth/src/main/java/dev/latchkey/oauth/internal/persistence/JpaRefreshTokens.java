package dev.latchkey.oauth.internal.persistence;

import static dev.latchkey.oauth.internal.persistence.Columns.instant;
import static dev.latchkey.oauth.internal.persistence.Columns.joined;
import static dev.latchkey.oauth.internal.persistence.Columns.split;
import static dev.latchkey.oauth.internal.persistence.Columns.utc;

import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.RefreshToken;
import dev.latchkey.oauth.internal.token.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RefreshTokens} in {@code oauth_refresh_token}, with JPA; state changes are bulk updates.
 * Transactional itself, like {@link JpaClients}, so no read runs outside a transaction.
 */
@ApplicationScoped
@Transactional
public class JpaRefreshTokens implements RefreshTokens {

    @PersistenceContext(unitName = "oauth")
    EntityManager em;

    @Override
    public void insert(RefreshToken token) {
        RefreshTokenEntity entity = new RefreshTokenEntity();
        entity.tokenHash = token.tokenHash();
        entity.familyId = token.familyId().toString();
        entity.clientId = token.clientId();
        entity.userId = token.userId().toString();
        entity.sessionId = token.sessionId();
        entity.scope = token.scope();
        entity.authTime = utc(token.authTime());
        entity.amr = joined(token.authenticationMethods());
        entity.issuedAt = utc(token.issuedAt());
        entity.expiresAt = utc(token.expiresAt());
        entity.usedAt = utc(token.usedAt());
        entity.revokedAt = utc(token.revokedAt());
        entity.resources = token.resources().isEmpty() ? null : joined(token.resources());
        entity.claims = token.claims();
        em.persist(entity);
    }

    @Override
    public Optional<RefreshToken> find(String tokenHash) {
        return Optional.ofNullable(em.find(RefreshTokenEntity.class, tokenHash)).map(entity -> new RefreshToken(
                entity.tokenHash, UUID.fromString(entity.familyId), entity.clientId, UUID.fromString(entity.userId),
                entity.sessionId, entity.scope, instant(entity.authTime), split(entity.amr), instant(entity.issuedAt),
                instant(entity.expiresAt), instant(entity.usedAt), instant(entity.revokedAt), split(entity.resources),
                entity.claims));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant now) {
        // a conditional update: the row lock makes a concurrent second update see used_at set
        return em.createQuery("update RefreshTokenEntity t set t.usedAt = :now where t.tokenHash = :hash"
                        + " and t.usedAt is null and t.revokedAt is null")
                .setParameter("now", utc(now)).setParameter("hash", tokenHash).executeUpdate() == 1;
    }

    @Override
    public int revokeFamily(UUID familyId, Instant now) {
        return em.createQuery("update RefreshTokenEntity t set t.revokedAt = :now where t.familyId = :family"
                        + " and t.revokedAt is null")
                .setParameter("now", utc(now)).setParameter("family", familyId.toString()).executeUpdate();
    }

    @Override
    public int revokeClient(String clientId, Instant now) {
        return em.createQuery("update RefreshTokenEntity t set t.revokedAt = :now where t.clientId = :client"
                        + " and t.revokedAt is null")
                .setParameter("now", utc(now)).setParameter("client", clientId).executeUpdate();
    }

    @Override
    public int revokeSession(String sessionId, Instant now) {
        return em.createQuery("update RefreshTokenEntity t set t.revokedAt = :now where t.sessionId = :session"
                        + " and t.revokedAt is null and concat(' ', t.scope, ' ') not like :offline")
                .setParameter("now", utc(now)).setParameter("session", sessionId)
                .setParameter("offline", "% " + Scope.OFFLINE_ACCESS + " %").executeUpdate();
    }

    @Override
    public List<UUID> liveFamilies(UUID userId, String clientId) {
        return em.createQuery("select distinct t.familyId from RefreshTokenEntity t where t.userId = :user"
                        + " and t.clientId = :client and t.revokedAt is null", String.class)
                .setParameter("user", userId.toString()).setParameter("client", clientId)
                .getResultList().stream().map(UUID::fromString).toList();
    }

    @Override
    public int revokeUser(UUID userId, Instant now) {
        return em.createQuery("update RefreshTokenEntity t set t.revokedAt = :now where t.userId = :user"
                        + " and t.revokedAt is null")
                .setParameter("now", utc(now)).setParameter("user", userId.toString()).executeUpdate();
    }

    @Override
    public int deleteUser(UUID userId) {
        return em.createQuery("delete from RefreshTokenEntity t where t.userId = :user")
                .setParameter("user", userId.toString()).executeUpdate();
    }
}

package dev.latchkey.identity.internal.persistence;

import dev.latchkey.identity.api.UserPage;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.internal.domain.LoginCandidate;
import dev.latchkey.identity.internal.domain.Users;
import dev.latchkey.kernel.api.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link Users} in the {@code identity} persistence unit. */
@ApplicationScoped
public class JpaUsers implements Users {

    // a user's roles, fetched for a whole page in one extra query (EclipseLink; others ignore the hints)
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String BATCH_HINT = "eclipselink.batch";
    private static final String BATCH_TYPE_HINT = "eclipselink.batch.type";
    private static final String SEARCH_FILTER = " where u.username like :pattern escape '\\'"
            + " or u.email like :pattern escape '\\' or lower(u.name) like :pattern escape '\\'";

    @PersistenceContext(unitName = "identity")
    EntityManager em;

    @Override
    public Optional<UserView> findById(UUID id) {
        return Optional.ofNullable(em.find(UserEntity.class, id.toString())).map(UserEntity::toView);
    }

    @Override
    public Optional<UserView> findByUsername(String username) {
        return em.createQuery("select u from UserEntity u where u.username = :username", UserEntity.class)
                .setParameter("username", username)
                .getResultStream().findFirst().map(UserEntity::toView);
    }

    @Override
    public Optional<UUID> findIdByEmail(String email) {
        return em.createQuery("select u.id from UserEntity u where u.email = :email", String.class)
                .setParameter("email", email)
                .getResultStream().findFirst().map(UUID::fromString);
    }

    @Override
    public Optional<LoginCandidate> findLoginCandidate(String username) {
        return em.createQuery("select u.id, u.status, p.hash from UserEntity u, PasswordEntity p"
                        + " where p.userId = u.id and u.username = :username", Object[].class)
                .setParameter("username", username)
                .getResultStream().findFirst()
                .map(row -> new LoginCandidate(UUID.fromString((String) row[0]), (UserStatus) row[1],
                        (String) row[2]));
    }

    @Override
    public Optional<String> passwordHash(UUID userId) {
        return Optional.ofNullable(em.find(PasswordEntity.class, userId.toString())).map(PasswordEntity::hash);
    }

    @Override
    public void add(UserView user, String passwordHash) {
        em.persist(new UserEntity(user));
        // the two entities are not related in the mapping: the user's row must be written first
        flush();
        if (passwordHash != null) {
            em.persist(new PasswordEntity(user.id().toString(), passwordHash, user.createdAt()));
            flush();
        }
    }

    @Override
    public void update(UserView user) {
        UserEntity entity = em.find(UserEntity.class, user.id().toString());
        if (entity == null) {
            throw Problems.notFound("no user has the id " + user.id());
        }
        entity.apply(user);
        flush();
    }

    @Override
    public boolean delete(UUID id) {
        UserEntity entity = em.find(UserEntity.class, id.toString());
        if (entity == null) {
            return false;
        }
        PasswordEntity password = em.find(PasswordEntity.class, id.toString());
        if (password != null) {
            em.remove(password);
            // unrelated in the mapping: the password's row goes first, then the user's (and its roles)
            em.flush();
        }
        em.remove(entity);
        return true;
    }

    @Override
    public void setPasswordHash(UUID userId, String passwordHash, Instant at) {
        PasswordEntity password = em.find(PasswordEntity.class, userId.toString());
        if (password == null) {
            em.persist(new PasswordEntity(userId.toString(), passwordHash, at));
        } else {
            password.replace(passwordHash, at);
        }
    }

    /** Its own transaction when called by the login, which runs outside one. */
    @Override
    @Transactional
    public boolean replacePasswordHash(UUID userId, String expected, String replacement, Instant at) {
        // locked, so that a password set meanwhile by an admin is never overwritten by the old one's re-hash
        PasswordEntity password = em.find(PasswordEntity.class, userId.toString(), LockModeType.PESSIMISTIC_WRITE);
        if (password == null || !password.hash().equals(expected)) {
            return false;
        }
        password.replace(replacement, at);
        return true;
    }

    @Override
    public UserPage search(String query, int page, int size) {
        String filter = query.isEmpty() ? "" : SEARCH_FILTER;
        TypedQuery<UserEntity> select = em.createQuery(
                        "select u from UserEntity u" + filter + " order by u.username", UserEntity.class)
                .setHint(BATCH_HINT, "u.roles")
                .setHint(BATCH_TYPE_HINT, "IN")
                .setFirstResult(page * size)
                .setMaxResults(size);
        TypedQuery<Long> count = em.createQuery("select count(u) from UserEntity u" + filter, Long.class);
        if (!query.isEmpty()) {
            String pattern = "%" + escapeLike(query) + "%";
            select.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        List<UserView> users = select.getResultList().stream().map(UserEntity::toView).toList();
        return new UserPage(users, page, size, count.getSingleResult());
    }

    @Override
    public long count() {
        return em.createQuery("select count(u) from UserEntity u", Long.class).getSingleResult();
    }

    /**
     * Writes now, so that a unique-constraint violation (a concurrent insert) or a concurrent
     * update of the same user (its version) becomes a 409, not a failed commit.
     */
    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw Problems.conflict("the user was changed by another request meanwhile; read it again and retry");
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw Problems.conflict("the username or email is taken");
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // SQLSTATE 23505: unique violation (H2 and PostgreSQL alike)
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

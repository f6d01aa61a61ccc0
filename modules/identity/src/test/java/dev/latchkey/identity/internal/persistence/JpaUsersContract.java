package dev.latchkey.identity.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserPage;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.internal.domain.LoginCandidate;
import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.testing.PersistenceUnitContract;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link JpaUsers} with EclipseLink (Liberty's provider) on the schema of the Liquibase
 * changelog, through the real persistence unit switched to resource-local transactions. Each
 * call runs in a new entity manager, as a transaction-scoped persistence context would.
 */
abstract class JpaUsersContract extends PersistenceUnitContract {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30.123456Z");

    private <T> T tx(Function<JpaUsers, T> work) {
        return unit.inTransaction(em -> {
            JpaUsers users = new JpaUsers();
            users.em = em;
            return work.apply(users);
        });
    }

    private boolean check(Function<JpaUsers, Boolean> work) {
        return tx(work);
    }

    private long number(Function<JpaUsers, Long> work) {
        return tx(work);
    }

    private static UserView user(String username, String email, String name, Set<String> roles) {
        return new UserView(Ids.newId(), username, email, email != null, "Given", "Family", name, UserStatus.ACTIVE,
                roles, T0, T0);
    }

    private UserView added(UserView user, String hash) {
        return tx(users -> {
            users.add(user, hash);
            return user;
        });
    }

    @Test
    void addWhenReadBackThenSameUserWithRolesAndInstants() {
        UserView alice = added(user("alice", "alice@example.com", "Alice Liddell", Set.of("admin", "user")), "h1");

        assertEquals(Optional.of(alice), tx(users -> users.findById(alice.id())));
        assertEquals(Optional.of(alice), tx(users -> users.findByUsername("alice")));
        assertEquals(Optional.of(alice.id()), tx(users -> users.findIdByEmail("alice@example.com")));
        assertEquals(Optional.of("h1"), tx(users -> users.passwordHash(alice.id())));
        assertEquals(1L, number(Users -> Users.count()));
    }

    @Test
    void findWhenAbsentThenEmpty() {
        assertEquals(Optional.empty(), tx(users -> users.findById(UUID.randomUUID())));
        assertEquals(Optional.empty(), tx(users -> users.findByUsername("nobody")));
        assertEquals(Optional.empty(), tx(users -> users.findIdByEmail("nobody@example.com")));
        assertEquals(Optional.empty(), tx(users -> users.passwordHash(UUID.randomUUID())));
    }

    @Test
    void findLoginCandidateWhenUserHasPasswordThenIdStatusAndHashInOneRowElseEmpty() {
        UserView alice = added(user("alice", null, null, Set.of()), "$argon2id$hash");
        added(user("bob", null, null, Set.of()), null);

        assertEquals(Optional.of(new LoginCandidate(alice.id(), UserStatus.ACTIVE, "$argon2id$hash")),
                tx(users -> users.findLoginCandidate("alice")));
        assertEquals(Optional.empty(), tx(users -> users.findLoginCandidate("bob")));
    }

    @Test
    void addWhenUsernameOrEmailTakenThenConflictProblem() {
        added(user("alice", "alice@example.com", null, Set.of()), null);

        ProblemException sameName = assertThrows(ProblemException.class,
                () -> added(user("alice", null, null, Set.of()), null));
        ProblemException sameEmail = assertThrows(ProblemException.class,
                () -> added(user("alice2", "alice@example.com", null, Set.of()), null));

        assertEquals(409, sameName.status());
        assertEquals(409, sameEmail.status());
        assertEquals(1L, number(users -> users.count()));
    }

    @Test
    void updateWhenProfileStatusAndRolesChangedThenStored() {
        UserView alice = added(user("alice", "alice@example.com", "Alice", Set.of("admin", "user")), null);
        Instant later = T0.plus(1, ChronoUnit.HOURS);
        UserView changed = new UserView(alice.id(), "alice", null, false, null, "Hargreaves", "Alice Hargreaves",
                new ProfileDetails("P.", "Ali", "https://example.com/a.png", "https://alice.example", "female",
                        "0000-05-04", "Europe/London", "en-GB", "+441865276150", true,
                        new PostalAddress("Christ Church\nOxford", "St Aldates", "Oxford", "Oxfordshire", "OX1 1DP",
                                "UK")),
                UserStatus.DISABLED, Set.of("user", "auditor"), alice.createdAt(), later);

        tx(users -> {
            users.update(changed);
            return null;
        });

        assertEquals(Optional.of(changed), tx(users -> users.findById(alice.id())));
        assertThrows(ProblemException.class, () -> tx(users -> {
            users.update(user("ghost", null, null, Set.of()));
            return null;
        }));
    }

    @Test
    void updateWhenSameUserUpdatedConcurrentlyThenSecondConflicts() {
        UserView alice = added(user("alice", null, null, Set.of()), null);
        EntityManager first = unit.createEntityManager();
        EntityManager second = unit.createEntityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            JpaUsers one = new JpaUsers();
            one.em = first;
            JpaUsers other = new JpaUsers();
            other.em = second;
            one.findById(alice.id());
            other.findById(alice.id());
            one.update(withName(alice, "First"));
            first.getTransaction().commit();

            ProblemException conflict = assertThrows(ProblemException.class,
                    () -> other.update(withName(alice, "Second")));

            assertEquals(409, conflict.status());
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
        assertEquals("First", tx(users -> users.findById(alice.id())).orElseThrow().name());
    }

    private static UserView withName(UserView user, String name) {
        return new UserView(user.id(), user.username(), user.email(), user.emailVerified(), user.givenName(),
                user.familyName(), name, user.details(), user.status(), user.roles(), user.createdAt(),
                user.updatedAt());
    }

    @Test
    void setPasswordHashWhenAbsentThenInsertedElseReplaced() {
        UserView alice = added(user("alice", null, null, Set.of()), null);

        tx(users -> {
            users.setPasswordHash(alice.id(), "first", T0);
            return null;
        });
        tx(users -> {
            users.setPasswordHash(alice.id(), "second", T0);
            return null;
        });

        assertEquals(Optional.of("second"), tx(users -> users.passwordHash(alice.id())));
    }

    @Test
    void replacePasswordHashWhenStillExpectedThenReplacedElseUntouched() {
        UserView alice = added(user("alice", null, null, Set.of()), "old");

        assertFalse(check(users -> users.replacePasswordHash(alice.id(), "other", "new", T0)));
        assertEquals(Optional.of("old"), tx(users -> users.passwordHash(alice.id())));
        assertTrue(check(users -> users.replacePasswordHash(alice.id(), "old", "new", T0)));
        assertEquals(Optional.of("new"), tx(users -> users.passwordHash(alice.id())));
    }

    @Test
    void deleteWhenExistsThenUserPasswordAndRolesGoneElseFalse() {
        UserView alice = added(user("alice", null, null, Set.of("admin")), "hash");
        UserView bob = added(user("bob", null, null, Set.of("user")), null);

        assertTrue(check(users -> users.delete(alice.id())));
        assertTrue(check(users -> users.delete(bob.id())));

        assertFalse(check(users -> users.delete(alice.id())));
        assertEquals(0L, number(users -> users.count()));
        assertEquals(Optional.empty(), tx(users -> users.passwordHash(alice.id())));
        assertEquals(0L, number(users -> ((Number) users.em.createNativeQuery("select count(*) from identity_user_role")
                .getSingleResult()).longValue()));
    }

    @Test
    void searchWhenQueryGivenThenContainsOnUsernameEmailOrLowerCasedNamePagedByUsername() {
        added(user("alice", "alice@wonderland.example", "Alice Liddell", Set.of("user", "admin")), null);
        added(user("bob", "bob@builders.example", "Bob the Builder", Set.of("user")), null);
        added(user("carol", null, "CAROL BUILDER", Set.of()), null);
        added(user("dave_100%", null, null, Set.of()), null);

        UserPage builders = tx(users -> users.search("builder", 0, 20));
        assertEquals(List.of("bob", "carol"), builders.users().stream().map(UserView::username).toList());
        assertEquals(2, builders.total());
        assertEquals(Set.of("user"), builders.users().get(0).roles());

        assertEquals(List.of("alice"), usernames(tx(users -> users.search("wonderland", 0, 20))));
        assertEquals(List.of("dave_100%"), usernames(tx(users -> users.search("0%", 0, 20))));
        assertEquals(List.of("dave_100%"), usernames(tx(users -> users.search("e_", 0, 20))));
        assertEquals(List.of(), usernames(tx(users -> users.search("zzz", 0, 20))));

        UserPage second = tx(users -> users.search("", 1, 3));
        assertEquals(List.of("dave_100%"), usernames(second));
        assertEquals(4, second.total());
        assertEquals(Set.of("admin", "user"), tx(users -> users.search("", 0, 1)).users().get(0).roles());
    }

    private static List<String> usernames(UserPage page) {
        return page.users().stream().map(UserView::username).toList();
    }
}

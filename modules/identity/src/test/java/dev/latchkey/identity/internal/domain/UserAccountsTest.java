package dev.latchkey.identity.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.BcryptFunction;
import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserPage;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserUpdate;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.PasswordChanged;
import dev.latchkey.identity.events.UserCreated;
import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.identity.events.UserEnabled;
import dev.latchkey.identity.events.UserUpdated;
import dev.latchkey.identity.internal.credential.PasswordHasher;
import dev.latchkey.identity.internal.credential.PasswordPolicy;
import dev.latchkey.identity.internal.fixtures.InMemoryUsers;
import dev.latchkey.identity.internal.fixtures.TestSettings;
import dev.latchkey.identity.internal.fixtures.TestUsers;
import dev.latchkey.kernel.api.DomainEvent;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.testing.RecordingEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserAccountsTest {

    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingEvent<DomainEvent> events = new RecordingEvent<>();
    private final PasswordHasher hasher = new PasswordHasher(TestSettings.cheap());
    private final UserAccounts accounts = new UserAccounts(users, hasher, new PasswordPolicy(TestSettings.cheap()),
            events);

    @Test
    void createWhenValidThenNormalizedActiveUserWithHashedPasswordAndEvent() {
        UserView alice = accounts.create(TestUsers.alice());

        assertEquals("alice", alice.username());
        assertEquals("alice@example.com", alice.email());
        assertTrue(alice.emailVerified());
        assertEquals(UserStatus.ACTIVE, alice.status());
        assertEquals(Set.of("user"), alice.roles());
        assertEquals(alice.createdAt(), alice.updatedAt());
        assertEquals(7, alice.id().version());
        assertTrue(hasher.verify(TestUsers.PASSWORD, users.passwordHash(alice.id()).orElseThrow()).matches());
        assertEquals(List.of(UserCreated.class), events.fired().stream().map(Object::getClass).toList());
        assertEquals("alice", events.of(UserCreated.class).get(0).username());
    }

    @Test
    void createWhenUsernameTakenInAnotherCaseThenConflictAndNothingChanges() {
        accounts.create(TestUsers.alice());
        events.clear();

        ProblemException problem = assertThrows(ProblemException.class,
                () -> accounts.create(TestUsers.aUser("ALICE")));

        assertEquals(409, problem.status());
        assertEquals(Problems.CONFLICT, problem.type());
        assertEquals(1, accounts.count());
        assertTrue(events.fired().isEmpty());
    }

    @Test
    void createWhenEmailTakenInAnotherCaseThenConflict() {
        accounts.create(TestUsers.alice());
        NewUser sameEmail = new NewUser("alice2", "ALICE@example.COM", false, null, null, null, null, null, null);

        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.create(sameEmail)).status());
    }

    @Test
    void createWhenPasswordTooShortThenValidationProblemAndNothingStored() {
        NewUser weak = new NewUser("bob", null, false, null, null, null, "short", null, null);

        assertEquals("password must have at least 8 characters",
                assertThrows(ProblemException.class, () -> accounts.create(weak)).detail());
        assertEquals(0, accounts.count());
    }

    @Test
    void createWhenNoPasswordThenUserWithoutPassword() {
        UserView bob = accounts.create(new NewUser("bob", null, true, null, null, null, null, null, null));

        assertTrue(users.passwordHash(bob.id()).isEmpty());
        assertFalse(bob.emailVerified(), "no email, so it cannot be verified");
    }

    @Test
    void createWhenBothPasswordAndHashThenValidationProblem() {
        NewUser both = new NewUser("bob", null, false, null, null, null, TestUsers.PASSWORD,
                hasher.hash(TestUsers.PASSWORD), null);

        assertEquals("give either password or passwordHash, not both",
                assertThrows(ProblemException.class, () -> accounts.create(both)).detail());
    }

    @Test
    void createWhenImportedHashIsValidThenStoredVerbatim() {
        String bcrypt = BcryptFunction.getInstance(4).hash(TestUsers.PASSWORD).getResult();

        UserView bob = accounts.create(TestUsers.imported("bob", bcrypt));

        assertEquals(Optional.of(bcrypt), users.passwordHash(bob.id()));
    }

    @Test
    void createWhenImportedHashIsUnsupportedThenValidationProblemNamingField() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> accounts.create(TestUsers.imported("bob", "{MD5}X03MO1qnZdYdgyfeuILPmQ==")));

        assertTrue(problem.detail().startsWith("passwordHash "), problem.detail());
    }

    @Test
    void upsertWhenUsernameUnknownThenCreates() {
        UserView alice = accounts.upsert(TestUsers.alice());

        assertEquals(Optional.of(alice), accounts.findByUsername("alice"));
        assertEquals(1, events.of(UserCreated.class).size());
    }

    @Test
    void upsertWhenSameUserImportedTwiceThenSecondRunChangesNothing() {
        UserView first = accounts.upsert(TestUsers.alice());
        String hash = users.passwordHash(first.id()).orElseThrow();
        events.clear();

        UserView second = accounts.upsert(TestUsers.alice());

        assertEquals(first, second);
        assertEquals(Optional.of(hash), users.passwordHash(first.id()));
        assertTrue(events.fired().isEmpty());
    }

    @Test
    void upsertWhenProfileAndRolesChangedThenUpdatedKeepingIdStatusAndCreation() {
        UserView first = accounts.upsert(TestUsers.alice());
        accounts.disable(first.id());
        events.clear();
        NewUser changed = new NewUser("ALICE", "alice@wonderland.example", false, "Alice", null, "Alice",
                TestUsers.PASSWORD, null, Set.of("admin"));

        UserView second = accounts.upsert(changed);

        assertEquals(first.id(), second.id());
        assertEquals(first.createdAt(), second.createdAt());
        assertEquals(UserStatus.DISABLED, second.status());
        assertEquals("alice@wonderland.example", second.email());
        assertEquals(Set.of("admin"), second.roles());
        assertEquals(List.of(UserUpdated.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void upsertWhenPasswordDiffersThenReplacedAndPasswordChanged() {
        UserView alice = accounts.upsert(TestUsers.alice());
        events.clear();
        NewUser newPassword = new NewUser("alice", "alice@example.com", true, "Alice", "Liddell", "Alice Liddell",
                "a brand new password", null, Set.of("user"));

        accounts.upsert(newPassword);

        assertTrue(hasher.verify("a brand new password", users.passwordHash(alice.id()).orElseThrow()).matches());
        assertEquals(List.of(PasswordChanged.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void upsertWhenNoPasswordGivenThenStoredPasswordKept() {
        UserView alice = accounts.upsert(TestUsers.alice());
        String hash = users.passwordHash(alice.id()).orElseThrow();

        accounts.upsert(new NewUser("alice", null, false, null, null, null, null, null, null));

        assertEquals(Optional.of(hash), users.passwordHash(alice.id()));
    }

    @Test
    void upsertWhenImportedHashGivenForUserWithoutPasswordThenStoredVerbatim() {
        UserView bob = accounts.upsert(new NewUser("bob", null, false, null, null, null, null, null, null));
        String bcrypt = BcryptFunction.getInstance(4).hash("imported password").getResult();
        events.clear();

        accounts.upsert(TestUsers.imported("bob", bcrypt));
        accounts.upsert(TestUsers.imported("bob", bcrypt));

        assertEquals(Optional.of(bcrypt), users.passwordHash(bob.id()));
        assertEquals(1, events.of(PasswordChanged.class).size());
    }

    @Test
    void upsertWhenImportedHashGivenAgainAfterUpgradeAtLoginThenUpgradedHashKept() {
        String bcrypt = BcryptFunction.getInstance(4).hash("imported password").getResult();
        UserView bob = accounts.upsert(TestUsers.imported("bob", bcrypt));
        String upgraded = hasher.hash("imported password");
        users.replacePasswordHash(bob.id(), bcrypt, upgraded, bob.createdAt());
        events.clear();

        accounts.upsert(TestUsers.imported("bob", bcrypt));

        assertEquals(Optional.of(upgraded), users.passwordHash(bob.id()));
        assertTrue(events.fired().isEmpty());
    }

    @Test
    void upsertWhenImportedHashInvalidThenValidationProblem() {
        accounts.upsert(TestUsers.alice());

        assertThrows(ProblemException.class, () -> accounts.upsert(TestUsers.imported("alice", "not a hash")));
    }

    @Test
    void upsertWhenEmailBelongsToAnotherUserThenConflict() {
        accounts.upsert(TestUsers.alice());
        accounts.upsert(TestUsers.aUser("bob"));
        NewUser bobWithAlicesEmail = new NewUser("bob", "alice@example.com", false, null, null, null, null, null,
                null);

        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.upsert(bobWithAlicesEmail)).status());
    }

    @Test
    void updateWhenValidThenProfileAndRolesReplacedAndEvent() {
        UserView alice = accounts.create(TestUsers.alice());
        String hash = users.passwordHash(alice.id()).orElseThrow();
        events.clear();

        UserView updated = accounts.update(alice.id(), TestUsers.aliceMarried());

        assertEquals("alice", updated.username());
        assertEquals("alice.hargreaves@example.com", updated.email());
        assertEquals("Hargreaves", updated.familyName());
        assertEquals(Set.of("user", "admin"), updated.roles());
        assertFalse(updated.updatedAt().isBefore(alice.updatedAt()));
        assertEquals(Optional.of(updated), accounts.findById(alice.id()));
        assertEquals(Optional.of(hash), users.passwordHash(alice.id()));
        assertEquals(List.of(UserUpdated.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void updateWhenPasswordGivenThenChangedAndPasswordChanged() {
        UserView alice = accounts.create(TestUsers.alice());
        events.clear();

        accounts.update(alice.id(), new UserUpdate(null, false, null, null, null, "another password", null));

        assertTrue(hasher.verify("another password", users.passwordHash(alice.id()).orElseThrow()).matches());
        assertEquals(1, events.of(PasswordChanged.class).size());
    }

    @Test
    void updateWhenPasswordTooShortThenNothingChanges() {
        UserView alice = accounts.create(TestUsers.alice());

        assertThrows(ProblemException.class, () -> accounts.update(alice.id(),
                new UserUpdate(null, false, null, null, null, "short", null)));
        assertEquals(Optional.of(alice), accounts.findById(alice.id()));
    }

    @Test
    void updateWhenEmailTakenByAnotherUserThenConflict() {
        accounts.create(TestUsers.alice());
        UserView bob = accounts.create(TestUsers.aUser("bob"));

        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.update(bob.id(),
                new UserUpdate("ALICE@example.com", false, null, null, null, null, null))).status());
    }

    @Test
    void updateWhenOwnEmailKeptThenNoConflict() {
        UserView alice = accounts.create(TestUsers.alice());

        UserView updated = accounts.update(alice.id(),
                new UserUpdate("alice@example.com", true, null, null, null, null, Set.of()));

        assertEquals(Set.of(), updated.roles());
    }

    @Test
    void createWhenDetailsThenNormalizedAndKept() {
        UserView alice = accounts.create(TestUsers.aliceWithDetails());

        assertEquals("Ali", alice.details().nickname());
        assertEquals("en-GB", alice.details().locale());
        assertEquals("Oxford", alice.details().address().locality());
        assertEquals(Optional.of(alice), accounts.findById(alice.id()));
    }

    @Test
    void createWhenDetailInvalidThenValidationProblemAndNothingStored() {
        NewUser bad = new NewUser("bob", null, false, null, null, null,
                new ProfileDetails(null, null, null, null, null, "yesterday", null, null, null, false, null),
                null, null, null);

        assertEquals(400, assertThrows(ProblemException.class, () -> accounts.create(bad)).status());
        assertEquals(0, accounts.count());
    }

    @Test
    void updateOwnProfileWhenEmailAndPhoneChangedThenUnverifiedAndRolesKept() {
        UserView alice = accounts.create(TestUsers.aliceWithDetails());
        events.clear();

        UserView updated = accounts.updateOwnProfile(alice.id(), new UserUpdate("alice@wonderland.example", true,
                "Alice", "Liddell", "Alice", new ProfileDetails(null, null, null, null, null, null, null, null,
                "+44 20 7946 0000", true, null), "ignored password", Set.of("admin")));

        assertEquals("alice@wonderland.example", updated.email());
        assertFalse(updated.emailVerified());
        assertFalse(updated.details().phoneNumberVerified());
        assertEquals(Set.of("user"), updated.roles());
        assertEquals(PostalAddress.NONE, updated.details().address());
        assertTrue(hasher.verify(TestUsers.PASSWORD, users.passwordHash(alice.id()).orElseThrow()).matches());
        assertEquals(List.of(UserUpdated.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void updateOwnProfileWhenEmailAndPhoneKeptThenStillVerified() {
        UserView alice = accounts.create(TestUsers.aliceWithDetails());

        UserView updated = accounts.updateOwnProfile(alice.id(), new UserUpdate("ALICE@example.com", false, "Alice",
                "Liddell", "Alice L.", new ProfileDetails(null, null, null, null, null, null, null, null,
                "+44 1865 276150", false, null), null, Set.of()));

        assertTrue(updated.emailVerified());
        assertTrue(updated.details().phoneNumberVerified());
        assertEquals("Alice L.", updated.name());
    }

    @Test
    void updateOwnProfileWhenNothingChangesThenNoEvent() {
        UserView alice = accounts.create(TestUsers.alice());
        events.clear();

        UserView same = accounts.updateOwnProfile(alice.id(), new UserUpdate(alice.email(), false, alice.givenName(),
                alice.familyName(), alice.name(), null, Set.of()));

        assertEquals(alice, same);
        assertTrue(events.fired().isEmpty());
    }

    @Test
    void updateOwnProfileWhenEmailTakenOrUnknownUserThenProblem() {
        accounts.create(TestUsers.alice());
        UserView bob = accounts.create(TestUsers.aUser("bob"));

        assertEquals(409, assertThrows(ProblemException.class, () -> accounts.updateOwnProfile(bob.id(),
                new UserUpdate("alice@example.com", false, null, null, null, null, null))).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> accounts.updateOwnProfile(UUID.randomUUID(), TestUsers.aliceMarried())).status());
    }

    @Test
    void updateWhenUnknownIdThenNotFound() {
        assertEquals(404, assertThrows(ProblemException.class,
                () -> accounts.update(UUID.randomUUID(), TestUsers.aliceMarried())).status());
    }

    @Test
    void disableWhenActiveThenDisabledOnceWithOneEvent() {
        UserView alice = accounts.create(TestUsers.alice());
        events.clear();

        accounts.disable(alice.id());
        accounts.disable(alice.id());

        assertEquals(UserStatus.DISABLED, accounts.findById(alice.id()).orElseThrow().status());
        assertEquals(List.of(UserDisabled.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void enableWhenDisabledThenActiveOnceWithOneEvent() {
        UserView alice = accounts.create(TestUsers.alice());
        accounts.enable(alice.id());
        accounts.disable(alice.id());
        events.clear();

        accounts.enable(alice.id());
        accounts.enable(alice.id());

        assertTrue(accounts.findById(alice.id()).orElseThrow().isActive());
        assertEquals(List.of(UserEnabled.class), events.fired().stream().map(Object::getClass).toList());
    }

    @Test
    void disableOrEnableWhenUnknownIdThenNotFound() {
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.disable(UUID.randomUUID())).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.enable(UUID.randomUUID())).status());
    }

    @Test
    void deleteWhenExistsThenGoneWithPasswordAndEvent() {
        UserView alice = accounts.create(TestUsers.alice());
        events.clear();

        accounts.delete(alice.id());

        assertTrue(accounts.findById(alice.id()).isEmpty());
        assertTrue(users.passwordHash(alice.id()).isEmpty());
        assertEquals(alice.id(), events.of(UserDeleted.class).get(0).userId());
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.delete(alice.id())).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> accounts.delete(null)).status());
    }

    @Test
    void findWhenAbsentOrInvalidThenEmpty() {
        assertTrue(accounts.findById(null).isEmpty());
        assertTrue(accounts.findById(UUID.randomUUID()).isEmpty());
        assertTrue(accounts.findByUsername("nobody").isEmpty());
        assertTrue(accounts.findByUsername("not a username").isEmpty());
    }

    @Test
    void findByUsernameWhenOtherCaseThenFound() {
        UserView alice = accounts.create(TestUsers.alice());

        assertEquals(Optional.of(alice), accounts.findByUsername("ALICE"));
    }

    @Test
    void searchWhenQueryGivenThenCaseInsensitiveMatchesOnUsernameEmailOrNamePaged() {
        accounts.create(TestUsers.alice());
        accounts.create(new NewUser("bob", "bob@builders.example", false, null, null, "Bob the Builder", null, null,
                null));
        accounts.create(new NewUser("carol", null, false, null, null, "Carol Builder", null, null, null));

        assertEquals(List.of("bob", "carol"), usernames(accounts.search("BUILDER", 0, 20)));
        assertEquals(List.of("alice"), usernames(accounts.search(" Example.COM ", 0, 1)));
        assertEquals(2, accounts.search("example", 0, 1).total());
        UserPage second = accounts.search(null, 1, 2);
        assertEquals(List.of("carol"), usernames(second));
        assertEquals(3, second.total());
        assertEquals(1, second.page());
        assertEquals(2, second.size());
    }

    @Test
    void searchWhenPageOrSizeOutOfRangeThenValidationProblemNamingField() {
        assertTrue(assertThrows(ProblemException.class, () -> accounts.search("", -1, 20)).detail()
                .startsWith("page"));
        assertTrue(assertThrows(ProblemException.class, () -> accounts.search("", 0, 0)).detail()
                .startsWith("size"));
        assertTrue(assertThrows(ProblemException.class, () -> accounts.search("", 0, 101)).detail()
                .startsWith("size"));
        assertTrue(assertThrows(ProblemException.class, () -> accounts.search("", Integer.MAX_VALUE, 100)).detail()
                .startsWith("page"));
        assertTrue(assertThrows(ProblemException.class, () -> accounts.search("x".repeat(321), 0, 20)).detail()
                .startsWith("q "));
    }

    @Test
    void createWhenDifferentUsersThenDistinctIds() {
        assertNotEquals(accounts.create(TestUsers.aUser("a")).id(), accounts.create(TestUsers.aUser("b")).id());
        assertEquals(2, accounts.count());
    }

    private static List<String> usernames(UserPage page) {
        return page.users().stream().map(UserView::username).toList();
    }
}

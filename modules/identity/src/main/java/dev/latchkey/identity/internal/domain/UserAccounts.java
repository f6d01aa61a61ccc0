package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserAdministration;
import dev.latchkey.identity.api.UserDirectory;
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
import dev.latchkey.kernel.api.DomainEvent;
import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The life cycle of user accounts: create, import (upsert), read, search, edit, disable, enable,
 * delete. Each public method is one transaction; its events are fired inside it, so that a
 * listener observing {@code AFTER_SUCCESS} only hears of what was committed.
 */
@ApplicationScoped
@Transactional
public class UserAccounts implements UserDirectory, UserAdministration {

    /** The largest page of a search. */
    public static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 320;

    private Users users;
    private PasswordHasher hasher;
    private PasswordPolicy policy;
    private Event<DomainEvent> events;

    @Inject
    public UserAccounts(Users users, PasswordHasher hasher, PasswordPolicy policy, Event<DomainEvent> events) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.events = events;
    }

    /** For CDI's client proxy only. */
    protected UserAccounts() {
    }

    @Override
    public Optional<UserView> findById(UUID id) {
        return id == null ? Optional.empty() : users.findById(id);
    }

    @Override
    public Optional<UserView> findByUsername(String username) {
        return UserFieldRules.lookupUsername(username).flatMap(users::findByUsername);
    }

    @Override
    public UserView create(NewUser user) {
        String username = UserFieldRules.username(user.username());
        UserProfile profile = UserProfile.of(user);
        checkPasswordFields(user);
        if (users.findByUsername(username).isPresent()) {
            throw Problems.conflict("username '" + username + "' is taken");
        }
        if (profile.email() != null && users.findIdByEmail(profile.email()).isPresent()) {
            throw Problems.conflict("email '" + profile.email() + "' is taken");
        }
        UserView created = profile.newUser(Ids.newId(), username, now());
        users.add(created, user.password() != null ? hasher.hash(user.password()) : user.passwordHash());
        events.fire(UserCreated.now(created.id(), created.username()));
        return created;
    }

    /**
     * Creates the user, or brings the one with this username to the given profile and roles.
     * A given password replaces the stored one only when it does not already match it, so that
     * importing the same file twice changes nothing. An imported hash is an initial credential:
     * it is stored only for a user without a password, because after the first login the stored
     * hash is the Argon2id upgrade of that same password, which the import must not undo.
     */
    @Override
    public UserView upsert(NewUser user) {
        String username = UserFieldRules.username(user.username());
        Optional<UserView> existing = users.findByUsername(username);
        if (existing.isEmpty()) {
            return create(user);
        }
        UserView current = existing.get();
        UserProfile profile = UserProfile.of(user);
        checkPasswordFields(user);
        UserView result = current;
        if (!profile.isHeldBy(current)) {
            checkEmailFree(profile.email(), current.id());
            result = profile.applyTo(current, now());
            users.update(result);
            events.fire(UserUpdated.now(current.id()));
        }
        Optional<String> storedHash = users.passwordHash(current.id());
        if (user.password() != null
                && !storedHash.map(hash -> hasher.verify(user.password(), hash).matches()).orElse(false)) {
            changePassword(current.id(), hasher.hash(user.password()));
        } else if (user.passwordHash() != null && storedHash.isEmpty()) {
            changePassword(current.id(), user.passwordHash());
        }
        return result;
    }

    @Override
    public long count() {
        return users.count();
    }

    @Override
    public UserPage search(String query, int page, int size) {
        if (page < 0) {
            throw Problems.validation("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.validation("size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw Problems.validation("page is too large for this size");
        }
        String normalized = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_QUERY_LENGTH) {
            throw Problems.validation("q must have at most " + MAX_QUERY_LENGTH + " characters");
        }
        return users.search(normalized, page, size);
    }

    @Override
    public UserView update(UUID id, UserUpdate update) {
        UserView current = existing(id);
        UserProfile profile = UserProfile.of(update);
        if (update.password() != null) {
            policy.check("password", update.password());
        }
        checkEmailFree(profile.email(), id);
        UserView updated = profile.applyTo(current, now());
        users.update(updated);
        events.fire(UserUpdated.now(id));
        if (update.password() != null) {
            changePassword(id, hasher.hash(update.password()));
        }
        return updated;
    }

    /**
     * The user's own edit of its profile (the account API): the update's roles, password and
     * verified flags are ignored, so the user keeps its roles, and an email or phone number stays
     * verified only while it is unchanged.
     */
    public UserView updateOwnProfile(UUID id, UserUpdate update) {
        UserView current = existing(id);
        UserProfile profile = UserProfile.of(update).asOwnEditOf(current);
        if (profile.isHeldBy(current)) {
            return current;
        }
        checkEmailFree(profile.email(), id);
        UserView updated = profile.applyTo(current, now());
        users.update(updated);
        events.fire(UserUpdated.now(id));
        return updated;
    }

    @Override
    public void disable(UUID id) {
        UserView user = existing(id);
        if (user.status() == UserStatus.DISABLED) {
            return;
        }
        users.update(withStatus(user, UserStatus.DISABLED));
        events.fire(UserDisabled.now(id));
    }

    @Override
    public void enable(UUID id) {
        UserView user = existing(id);
        if (user.status() == UserStatus.ACTIVE) {
            return;
        }
        users.update(withStatus(user, UserStatus.ACTIVE));
        events.fire(UserEnabled.now(id));
    }

    @Override
    public void delete(UUID id) {
        if (id == null || !users.delete(id)) {
            throw notFound(id);
        }
        events.fire(UserDeleted.now(id));
    }

    private UserView existing(UUID id) {
        return findById(id).orElseThrow(() -> notFound(id));
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("no user has the id " + id);
    }

    private void checkEmailFree(String email, UUID owner) {
        if (email != null && users.findIdByEmail(email).filter(other -> !other.equals(owner)).isPresent()) {
            throw Problems.conflict("email '" + email + "' is taken");
        }
    }

    private void checkPasswordFields(NewUser user) {
        if (user.password() != null && user.passwordHash() != null) {
            throw Problems.validation("give either password or passwordHash, not both");
        }
        if (user.password() != null) {
            policy.check("password", user.password());
        }
        if (user.passwordHash() != null && !hasher.isImportable(user.passwordHash())) {
            throw Problems.validation("passwordHash must be an Argon2id PHC string ($argon2id$v=19$...) or a bcrypt"
                    + " hash ($2a$, $2b$, $2y$) within the cost limits");
        }
    }

    private void changePassword(UUID id, String hash) {
        users.setPasswordHash(id, hash, now());
        events.fire(PasswordChanged.now(id));
    }

    private UserView withStatus(UserView user, UserStatus status) {
        return new UserView(user.id(), user.username(), user.email(), user.emailVerified(), user.givenName(),
                user.familyName(), user.name(), user.details(), status, user.roles(), user.createdAt(), now());
    }

    private static Instant now() {
        // the databases keep microseconds: what is returned is what is stored
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

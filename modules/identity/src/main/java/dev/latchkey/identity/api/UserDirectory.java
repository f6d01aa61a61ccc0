package dev.latchkey.identity.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The facade other modules use to read and manage users. Usernames and emails are matched
 * case-insensitively. Every change publishes an event of {@code dev.latchkey.identity.events}.
 */
public interface UserDirectory {

    Optional<UserView> findById(UUID id);

    Optional<UserView> findByUsername(String username);

    /** Creates a user; throws a 409 problem when the username or email is taken. */
    UserView create(NewUser user);

    /**
     * Creates the user or, when the username exists, brings it to the given state (the
     * declarative import): profile, roles and, when given, the password.
     */
    UserView upsert(NewUser user);

    /** Counts users, so that first start can tell whether a bootstrap admin is needed. */
    long count();
}

package dev.latchkey.identity.api;

import java.util.UUID;

/**
 * What an administrator does to users, beyond the {@link UserDirectory}: search, edit, disable,
 * enable and delete. Every method throws a 404 problem for an unknown id and a 400 problem for
 * invalid input; every change publishes an event of {@code dev.latchkey.identity.events}.
 */
public interface UserAdministration {

    /**
     * One page of the users whose username, email or name contains {@code query}
     * (case-insensitively; every user when it is blank), ordered by username.
     * {@code page} counts from 0; {@code size} is 1 to 100.
     */
    UserPage search(String query, int page, int size);

    /** Replaces the editable state of a user; throws a 409 problem when the email is taken. */
    UserView update(UUID id, UserUpdate update);

    /** Refuses every later login of the user; nothing happens when it is already disabled. */
    void disable(UUID id);

    /** Lets the user log in again; nothing happens when it is already active. */
    void enable(UUID id);

    /** Deletes the user, its password and roles; every module drops what it keeps for it. */
    void delete(UUID id);
}

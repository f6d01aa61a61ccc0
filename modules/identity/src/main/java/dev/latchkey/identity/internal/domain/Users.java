package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.UserPage;
import dev.latchkey.identity.api.UserView;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored users, their password hashes and roles. Usernames, emails and search queries
 * given to it are already normalized (lower-case). Writes join the caller's transaction; a
 * write that breaks a unique constraint throws a 409 problem.
 */
public interface Users {

    Optional<UserView> findById(UUID id);

    Optional<UserView> findByUsername(String username);

    /** The id of the user with this email. */
    Optional<UUID> findIdByEmail(String email);

    /** The user with this username that has a password, with its hash. */
    Optional<LoginCandidate> findLoginCandidate(String username);

    /** The stored password hash of a user. */
    Optional<String> passwordHash(UUID userId);

    /** Stores a new user and, when not null, its password hash. */
    void add(UserView user, String passwordHash);

    /** Replaces the profile, status, roles and update time of an existing user. */
    void update(UserView user);

    /** Deletes a user with its password and roles; false when there was none. */
    boolean delete(UUID id);

    /** Sets (or replaces) the password hash of a user. */
    void setPasswordHash(UUID userId, String passwordHash, Instant at);

    /**
     * Replaces the password hash only if it is still {@code expected}, in its own transaction
     * when the caller has none (the transparent re-hash at login); false when it had changed.
     */
    boolean replacePasswordHash(UUID userId, String expected, String replacement, Instant at);

    /** Users whose username, email or lower-cased name contains {@code query}, by username. */
    UserPage search(String query, int page, int size);

    long count();
}

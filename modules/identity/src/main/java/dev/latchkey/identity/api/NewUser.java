package dev.latchkey.identity.api;

import java.util.Set;

/**
 * What it takes to create or import a user. {@code password} is plain text (hashed with
 * Argon2id), {@code passwordHash} an imported hash (Argon2id, bcrypt); at most one is set,
 * and neither for a user who will set one later.
 */
public record NewUser(String username, String email, boolean emailVerified, String givenName,
                      String familyName, String name, ProfileDetails details, String password, String passwordHash,
                      Set<String> roles) {

    public NewUser {
        details = details == null ? ProfileDetails.NONE : details;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** A user without {@link ProfileDetails}. */
    public NewUser(String username, String email, boolean emailVerified, String givenName, String familyName,
                   String name, String password, String passwordHash, Set<String> roles) {
        this(username, email, emailVerified, givenName, familyName, name, ProfileDetails.NONE, password, passwordHash,
                roles);
    }
}

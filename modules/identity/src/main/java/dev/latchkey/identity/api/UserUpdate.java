package dev.latchkey.identity.api;

import java.util.Set;

/**
 * The editable state of an existing user, replacing what it had: profile, roles and, when
 * {@code password} is not null, a new password (plain text, hashed with Argon2id). The username
 * never changes.
 */
public record UserUpdate(String email, boolean emailVerified, String givenName, String familyName,
                         String name, ProfileDetails details, String password, Set<String> roles) {

    public UserUpdate {
        details = details == null ? ProfileDetails.NONE : details;
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** An update without {@link ProfileDetails} (they are cleared). */
    public UserUpdate(String email, boolean emailVerified, String givenName, String familyName, String name,
                      String password, Set<String> roles) {
        this(email, emailVerified, givenName, familyName, name, ProfileDetails.NONE, password, roles);
    }
}

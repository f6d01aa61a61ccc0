package dev.latchkey.identity.api;

import java.util.Set;

/**
 * The editable state of an existing user, replacing what it had: profile, roles and, when
 * {@code password} is not null, a new password (plain text, hashed with Argon2id). The username
 * never changes.
 */
public record UserUpdate(String email, boolean emailVerified, String givenName, String familyName,
                         String name, String password, Set<String> roles) {

    public UserUpdate {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}

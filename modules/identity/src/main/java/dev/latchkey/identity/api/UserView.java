package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as other modules see it: the standard claims of OIDC Core §5.1 that Latchkey keeps
 * (the username is the {@code preferred_username}, {@code updatedAt} the {@code updated_at}; the
 * rest of the profile is in {@code details}), the status and the roles. Never holds a credential.
 */
public record UserView(UUID id, String username, String email, boolean emailVerified,
                       String givenName, String familyName, String name, ProfileDetails details, UserStatus status,
                       Set<String> roles, Instant createdAt, Instant updatedAt) {

    public UserView {
        details = details == null ? ProfileDetails.NONE : details;
        roles = Set.copyOf(roles);
    }

    /** A user without {@link ProfileDetails}. */
    public UserView(UUID id, String username, String email, boolean emailVerified, String givenName,
                    String familyName, String name, UserStatus status, Set<String> roles, Instant createdAt,
                    Instant updatedAt) {
        this(id, username, email, emailVerified, givenName, familyName, name, ProfileDetails.NONE, status, roles,
                createdAt, updatedAt);
    }

    /** True when the user may log in and be issued tokens. */
    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}

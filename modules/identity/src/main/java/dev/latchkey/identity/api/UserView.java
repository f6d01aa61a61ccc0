package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user as other modules see it: the profile claims of OIDC Core §5.1 that Latchkey keeps,
 * the status and the roles. Never holds a credential.
 */
public record UserView(UUID id, String username, String email, boolean emailVerified,
                       String givenName, String familyName, String name, UserStatus status,
                       Set<String> roles, Instant createdAt, Instant updatedAt) {

    public UserView {
        roles = Set.copyOf(roles);
    }

    /** True when the user may log in and be issued tokens. */
    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}

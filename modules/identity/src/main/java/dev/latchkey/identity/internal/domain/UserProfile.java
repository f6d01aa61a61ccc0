package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserUpdate;
import dev.latchkey.identity.api.UserView;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The editable state of a user, checked and normalized by {@link UserFieldRules}: what create,
 * update and import share.
 */
record UserProfile(String email, boolean emailVerified, String givenName, String familyName, String name,
                   Set<String> roles) {

    static UserProfile of(NewUser user) {
        return of(user.email(), user.emailVerified(), user.givenName(), user.familyName(), user.name(), user.roles());
    }

    static UserProfile of(UserUpdate update) {
        return of(update.email(), update.emailVerified(), update.givenName(), update.familyName(), update.name(),
                update.roles());
    }

    private static UserProfile of(String email, boolean emailVerified, String givenName, String familyName,
                                  String name, Set<String> roles) {
        String normalizedEmail = UserFieldRules.email(email);
        return new UserProfile(normalizedEmail, normalizedEmail != null && emailVerified,
                UserFieldRules.name("givenName", givenName), UserFieldRules.name("familyName", familyName),
                UserFieldRules.name("name", name), UserFieldRules.roles(roles));
    }

    /** A new active user with this profile. */
    UserView newUser(UUID id, String username, Instant now) {
        return new UserView(id, username, email, emailVerified, givenName, familyName, name, UserStatus.ACTIVE,
                roles, now, now);
    }

    /** The user with this profile instead of its own, updated at {@code now}. */
    UserView applyTo(UserView user, Instant now) {
        return new UserView(user.id(), user.username(), email, emailVerified, givenName, familyName, name,
                user.status(), roles, user.createdAt(), now);
    }

    /** True when the user already has exactly this profile. */
    boolean isHeldBy(UserView user) {
        return applyTo(user, user.updatedAt()).equals(user);
    }
}

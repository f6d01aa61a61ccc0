package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.ProfileDetails;
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
                   ProfileDetails details, Set<String> roles) {

    static UserProfile of(NewUser user) {
        return of(user.email(), user.emailVerified(), user.givenName(), user.familyName(), user.name(),
                user.details(), user.roles());
    }

    static UserProfile of(UserUpdate update) {
        return of(update.email(), update.emailVerified(), update.givenName(), update.familyName(), update.name(),
                update.details(), update.roles());
    }

    private static UserProfile of(String email, boolean emailVerified, String givenName, String familyName,
                                  String name, ProfileDetails details, Set<String> roles) {
        String normalizedEmail = UserFieldRules.email(email);
        return new UserProfile(normalizedEmail, normalizedEmail != null && emailVerified,
                UserFieldRules.name("givenName", givenName), UserFieldRules.name("familyName", familyName),
                UserFieldRules.name("name", name), UserFieldRules.details(details), UserFieldRules.roles(roles));
    }

    /** A new active user with this profile. */
    UserView newUser(UUID id, String username, Instant now) {
        return new UserView(id, username, email, emailVerified, givenName, familyName, name, details,
                UserStatus.ACTIVE, roles, now, now);
    }

    /** The user with this profile instead of its own, updated at {@code now}. */
    UserView applyTo(UserView user, Instant now) {
        return new UserView(user.id(), user.username(), email, emailVerified, givenName, familyName, name, details,
                user.status(), roles, user.createdAt(), now);
    }

    /**
     * This profile as the user's own edit of {@code user}: the roles stay the user's, and the
     * email and phone number stay verified only while they are unchanged.
     */
    UserProfile asOwnEditOf(UserView user) {
        boolean sameEmail = email != null && email.equals(user.email());
        boolean samePhone = details.phoneNumber() != null && details.phoneNumber().equals(user.details().phoneNumber());
        ProfileDetails ownDetails = new ProfileDetails(details.middleName(), details.nickname(), details.picture(),
                details.website(), details.gender(), details.birthdate(), details.zoneinfo(), details.locale(),
                details.phoneNumber(), samePhone && user.details().phoneNumberVerified(), details.address());
        return new UserProfile(email, sameEmail && user.emailVerified(), givenName, familyName, name, ownDetails,
                user.roles());
    }

    /** True when the user already has exactly this profile. */
    boolean isHeldBy(UserView user) {
        return applyTo(user, user.updatedAt()).equals(user);
    }
}

package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserUpdate;
import dev.latchkey.kernel.api.Problems;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what the admin API received (bodies, path and query parameters) into the facade's
 * types; what cannot be read at all is a 400 problem naming the field, an id that is no UUID a
 * 404 (no user has it). The field rules themselves are the service's.
 */
final class UserRequests {

    private UserRequests() {
    }

    static NewUser newUser(CreateUserRequest body) {
        if (body == null) {
            throw Problems.validation("a JSON body with at least a username is required");
        }
        return new NewUser(body.username(), body.email(), Boolean.TRUE.equals(body.emailVerified()),
                body.givenName(), body.familyName(), body.name(), details(body, body.phoneNumberVerified()),
                body.password(), null, roles(body.roles()));
    }

    static UserUpdate update(UpdateUserRequest body) {
        if (body == null) {
            throw Problems.validation("a JSON body is required");
        }
        return new UserUpdate(body.email(), Boolean.TRUE.equals(body.emailVerified()), body.givenName(),
                body.familyName(), body.name(), details(body, body.phoneNumberVerified()), body.password(),
                roles(body.roles()));
    }

    /** The caller's own profile; what it may not set (roles, password, verified flags) is left out. */
    static UserUpdate ownUpdate(AccountUpdateRequest body) {
        if (body == null) {
            throw Problems.validation("a JSON body is required");
        }
        return new UserUpdate(body.email(), false, body.givenName(), body.familyName(), body.name(),
                details(body, null), null, Set.of());
    }

    private static ProfileDetails details(ProfileFields body, Boolean phoneNumberVerified) {
        return new ProfileDetails(body.middleName(), body.nickname(), body.picture(), body.website(), body.gender(),
                body.birthdate(), body.zoneinfo(), body.locale(), body.phoneNumber(),
                Boolean.TRUE.equals(phoneNumberVerified), body.address());
    }

    static UUID userId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // falls through: no user has an id that is not a UUID
        }
        throw Problems.notFound("no user has the id " + id);
    }

    private static Set<String> roles(List<String> roles) {
        if (roles == null) {
            return Set.of();
        }
        if (roles.stream().anyMatch(Objects::isNull)) {
            throw Problems.validation("roles must not contain null");
        }
        return Set.copyOf(roles);
    }
}

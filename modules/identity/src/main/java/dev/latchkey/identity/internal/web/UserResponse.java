package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user in the admin and account APIs: profile (the standard claims of OIDC Core §5.1 under
 * camelCase names; {@code address} is absent when empty), status ({@code active} or
 * {@code disabled}), sorted roles; never a credential.
 */
public record UserResponse(UUID id, String username, String email, boolean emailVerified, String givenName,
                           String familyName, String name, String middleName, String nickname, String picture,
                           String website, String gender, String birthdate, String zoneinfo, String locale,
                           String phoneNumber, boolean phoneNumberVerified, PostalAddress address,
                           @Schema(enumeration = {"active", "disabled"}) String status,
                           List<String> roles, Instant createdAt, Instant updatedAt) {

    static UserResponse of(UserView user) {
        ProfileDetails details = user.details();
        return new UserResponse(user.id(), user.username(), user.email(), user.emailVerified(), user.givenName(),
                user.familyName(), user.name(), details.middleName(), details.nickname(), details.picture(),
                details.website(), details.gender(), details.birthdate(), details.zoneinfo(), details.locale(),
                details.phoneNumber(), details.phoneNumberVerified(),
                PostalAddress.NONE.equals(details.address()) ? null : details.address(),
                user.status().name().toLowerCase(Locale.ROOT), user.roles().stream().sorted().toList(),
                user.createdAt(), user.updatedAt());
    }
}

package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.UserView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A user in the admin API: profile, status ({@code active} or {@code disabled}), sorted roles; never a credential. */
public record UserResponse(UUID id, String username, String email, boolean emailVerified, String givenName,
                           String familyName, String name,
                           @Schema(enumeration = {"active", "disabled"}) String status,
                           List<String> roles, Instant createdAt, Instant updatedAt) {

    static UserResponse of(UserView user) {
        return new UserResponse(user.id(), user.username(), user.email(), user.emailVerified(), user.givenName(),
                user.familyName(), user.name(), user.status().name().toLowerCase(Locale.ROOT),
                user.roles().stream().sorted().toList(), user.createdAt(), user.updatedAt());
    }
}

package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.PostalAddress;
import java.util.List;

/**
 * The body of {@code POST /api/v1/admin/users}: only {@code username} is required; the rest of
 * the profile, {@code password} and {@code roles} are optional.
 */
public record CreateUserRequest(String username, String email, Boolean emailVerified, String givenName,
                                String familyName, String name, String middleName, String nickname, String picture,
                                String website, String gender, String birthdate, String zoneinfo, String locale,
                                String phoneNumber, Boolean phoneNumberVerified, PostalAddress address,
                                String password, List<String> roles) implements ProfileFields {
}

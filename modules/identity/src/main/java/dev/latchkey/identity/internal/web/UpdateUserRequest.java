package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.PostalAddress;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/admin/users/{id}}: the new profile and roles, replacing the old
 * ones (an absent field is cleared); a password only when it changes. The username never changes.
 */
public record UpdateUserRequest(String email, Boolean emailVerified, String givenName, String familyName,
                                String name, String middleName, String nickname, String picture, String website,
                                String gender, String birthdate, String zoneinfo, String locale, String phoneNumber,
                                Boolean phoneNumberVerified, PostalAddress address, String password,
                                List<String> roles) implements ProfileFields {
}

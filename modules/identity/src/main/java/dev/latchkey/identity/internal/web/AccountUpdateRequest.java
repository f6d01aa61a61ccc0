package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.PostalAddress;

/**
 * The body of {@code PUT /api/v1/account}: the caller's new profile, replacing the old one (an
 * absent field is cleared). Roles, status and password are not the user's to set here; a new
 * email or phone number is unverified.
 */
public record AccountUpdateRequest(String email, String givenName, String familyName, String name,
                                   String middleName, String nickname, String picture, String website, String gender,
                                   String birthdate, String zoneinfo, String locale, String phoneNumber,
                                   PostalAddress address) implements ProfileFields {
}

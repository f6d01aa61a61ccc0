package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.PostalAddress;

/**
 * The optional standard claims (OIDC Core §5.1) that the user bodies of the admin and account
 * APIs share, under their camelCase names; {@code address} is an object of {@code formatted},
 * {@code streetAddress}, {@code locality}, {@code region}, {@code postalCode}, {@code country}.
 */
interface ProfileFields {

    String middleName();

    String nickname();

    String picture();

    String website();

    String gender();

    String birthdate();

    String zoneinfo();

    String locale();

    String phoneNumber();

    PostalAddress address();
}

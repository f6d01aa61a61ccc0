package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.kernel.api.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks and normalizes the fields of a user: usernames and emails are stored lower-case so
 * that they match case-insensitively; names are trimmed; roles are kept as given. Every
 * refusal is a 400 validation problem whose detail names the field.
 */
public final class UserFieldRules {

    /** The longest username, display name or given/family name. */
    public static final int MAX_NAME_LENGTH = 255;
    /** The longest email (RFC 5321 §4.5.3.1 path limits, as commonly applied). */
    public static final int MAX_EMAIL_LENGTH = 320;
    /** The longest URL ({@code picture}, {@code website}). */
    public static final int MAX_URL_LENGTH = 2048;
    /** The longest formatted or street address, which may span lines. */
    public static final int MAX_ADDRESS_LENGTH = 1024;
    /** The longest phone number, zone or locale. */
    public static final int MAX_CODE_LENGTH = 64;
    /** The longest role name. */
    public static final int MAX_ROLE_LENGTH = 100;
    /** The most roles one user may hold. */
    public static final int MAX_ROLES = 100;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,255}");
    // the WHATWG "valid e-mail address": what browsers accept in <input type=email>
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    // OIDC Core §5.1: E.164 is RECOMMENDED; the spec's own "+1 (425) 555-1212" and RFC 3966 extensions pass too
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{1,30}(;ext=[0-9]{1,10})?");
    // OIDC Core §5.1: birthdate is YYYY-MM-DD, or YYYY alone, or 0000-MM-DD when the year is withheld
    private static final Pattern BIRTHDATE = Pattern.compile("[0-9]{4}(-[0-9]{2}-[0-9]{2})?");

    private UserFieldRules() {
    }

    /** A required username of 1–255 letters, digits and {@code . _ @ + -}, lower-cased. */
    public static String username(String username) {
        if (username == null || username.isEmpty()) {
            throw Problems.validation("username is required");
        }
        if (!USERNAME.matcher(username).matches()) {
            throw Problems.validation("username must have 1 to " + MAX_NAME_LENGTH
                    + " characters, each a letter, a digit or one of . _ @ + -");
        }
        return username.toLowerCase(Locale.ROOT);
    }

    /** The username as stored, when {@code username} could be one; for look-ups that must not throw. */
    public static Optional<String> lookupUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return Optional.of(username.toLowerCase(Locale.ROOT));
    }

    /** An optional email (null when blank), syntax-checked, at most 320 characters, lower-cased. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            throw Problems.validation("email must be a valid email address of at most " + MAX_EMAIL_LENGTH
                    + " characters");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** An optional name (null when blank), trimmed, at most 255 characters, without control characters. */
    public static String name(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME_LENGTH) {
            throw Problems.validation(field + " must have at most " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw Problems.validation(field + " must not contain control characters");
        }
        return trimmed;
    }

    /** Roles of 1–100 letters, digits and {@code . _ : -}; at most 100 of them. */
    public static Set<String> roles(Set<String> roles) {
        if (roles == null) {
            return Set.of();
        }
        if (roles.size() > MAX_ROLES) {
            throw Problems.validation("roles must hold at most " + MAX_ROLES + " roles");
        }
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                throw Problems.validation("roles: each role must have 1 to " + MAX_ROLE_LENGTH
                        + " characters, each a letter, a digit or one of . _ : -");
            }
        }
        return Set.copyOf(roles);
    }

    /** The optional standard claims of a user, each checked and normalized; null is none. */
    public static ProfileDetails details(ProfileDetails details) {
        if (details == null) {
            return ProfileDetails.NONE;
        }
        String phone = phoneNumber(details.phoneNumber());
        return new ProfileDetails(name("middleName", details.middleName()), name("nickname", details.nickname()),
                url("picture", details.picture()), url("website", details.website()),
                name("gender", details.gender()), birthdate(details.birthdate()), zoneinfo(details.zoneinfo()),
                locale(details.locale()), phone, phone != null && details.phoneNumberVerified(),
                address(details.address()));
    }

    private static PostalAddress address(PostalAddress address) {
        if (address == null) {
            return PostalAddress.NONE;
        }
        return new PostalAddress(multiline("address.formatted", address.formatted()),
                multiline("address.streetAddress", address.streetAddress()), name("address.locality", address.locality()),
                name("address.region", address.region()), name("address.postalCode", address.postalCode()),
                name("address.country", address.country()));
    }

    /** Text that may span lines ({@code \n}, {@code \r\n}), at most 1024 characters, trimmed. */
    private static String multiline(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_ADDRESS_LENGTH) {
            throw Problems.validation(field + " must have at most " + MAX_ADDRESS_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r')) {
            throw Problems.validation(field + " must not contain control characters other than line breaks");
        }
        return trimmed;
    }

    /** An absolute http or https URL of at most 2048 characters. */
    private static String url(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (trimmed.length() <= MAX_URL_LENGTH && (scheme.equals("https") || scheme.equals("http"))
                    && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw Problems.validation(field + " must be an absolute http or https URL of at most " + MAX_URL_LENGTH
                + " characters");
    }

    private static String birthdate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (BIRTHDATE.matcher(trimmed).matches()) {
            try {
                // a withheld year (0000) is checked as a leap year, so that 0000-02-29 passes
                LocalDate.parse(trimmed.length() == 4 ? trimmed + "-01-01"
                        : trimmed.startsWith("0000-") ? "2000" + trimmed.substring(4) : trimmed);
                return trimmed;
            } catch (DateTimeException e) {
                // refused below
            }
        }
        throw Problems.validation("birthdate must be YYYY-MM-DD, YYYY, or 0000-MM-DD");
    }

    private static String zoneinfo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_CODE_LENGTH || !ZoneId.getAvailableZoneIds().contains(trimmed)) {
            throw Problems.validation("zoneinfo must be a time zone of the tz database, such as Europe/Paris");
        }
        return trimmed;
    }

    /** A BCP 47 language tag, in its canonical case ({@code en-US}). */
    private static String locale(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip().replace('_', '-');
        try {
            if (trimmed.length() <= MAX_CODE_LENGTH) {
                return new Locale.Builder().setLanguageTag(trimmed).build().toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // refused below
        }
        throw Problems.validation("locale must be a BCP 47 language tag, such as en-US");
    }

    private static String phoneNumber(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_CODE_LENGTH || !PHONE.matcher(trimmed).matches()) {
            throw Problems.validation("phoneNumber must be a telephone number, preferably E.164 such as +14255551212");
        }
        return trimmed;
    }
}

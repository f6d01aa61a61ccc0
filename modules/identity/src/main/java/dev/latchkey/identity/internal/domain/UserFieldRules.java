package dev.latchkey.identity.internal.domain;

import dev.latchkey.kernel.api.Problems;
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
}

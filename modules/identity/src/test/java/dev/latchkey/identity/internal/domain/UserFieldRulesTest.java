package dev.latchkey.identity.internal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.internal.fixtures.TestUsers;
import dev.latchkey.kernel.api.ProblemException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserFieldRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Alice.Smith", "a", "bob_1", "carol@example.com", "d+e-f", "0"})
    void usernameWhenValidThenLowerCased(String username) {
        assertEquals(username.toLowerCase(java.util.Locale.ROOT), UserFieldRules.username(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "alice smith", " alice", "alice/", "al!ce", "émile", "a\tb", "x\u0000"})
    void usernameWhenInvalidThenValidationProblemNamingField(String username) {
        ProblemException problem = assertThrows(ProblemException.class, () -> UserFieldRules.username(username));

        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith("username "), problem.detail());
    }

    @Test
    void usernameWhenNullThenRequired() {
        assertEquals("username is required",
                assertThrows(ProblemException.class, () -> UserFieldRules.username(null)).detail());
    }

    @Test
    void usernameWhen255CharactersThenAcceptedAnd256Refused() {
        assertEquals(255, UserFieldRules.username("a".repeat(255)).length());
        assertThrows(ProblemException.class, () -> UserFieldRules.username("a".repeat(256)));
    }

    @Test
    void lookupUsernameWhenInvalidThenEmptyInsteadOfProblem() {
        assertEquals(Optional.of("alice"), UserFieldRules.lookupUsername("ALICE"));
        assertEquals(Optional.empty(), UserFieldRules.lookupUsername("alice smith"));
        assertEquals(Optional.empty(), UserFieldRules.lookupUsername(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "Alice.Smith+tag@Example.COM", "a@b", "o'brien@mail.example.org",
        "x@sub-domain.example.co.uk"})
    void emailWhenValidThenLowerCased(String email) {
        assertEquals(email.toLowerCase(java.util.Locale.ROOT), UserFieldRules.email(email));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "alice@", "@example.com", "alice@@example.com", "alice smith@example.com",
        "alice@example..com", "alice@-example.com", "alice@example.com ", "alice@exa_mple.com"})
    void emailWhenInvalidThenValidationProblemNamingField(String email) {
        ProblemException problem = assertThrows(ProblemException.class, () -> UserFieldRules.email(email));

        assertTrue(problem.detail().startsWith("email "), problem.detail());
    }

    @Test
    void emailWhenBlankOrNullThenAbsent() {
        assertNull(UserFieldRules.email(null));
        assertNull(UserFieldRules.email("  "));
    }

    @Test
    void emailWhenLongerThan320CharactersThenRefused() {
        String label = "a".repeat(63);
        String domain = String.join(".", label, label, label, "com");
        String longest = "b".repeat(64) + "@" + domain;
        assertTrue(longest.length() <= 320);
        assertEquals(longest, UserFieldRules.email(longest));
        assertThrows(ProblemException.class, () -> UserFieldRules.email("b".repeat(65) + "@example.com"));
        String tooLong = "b".repeat(64) + "@" + String.join(".", label, label, label, label, "com");
        assertTrue(tooLong.length() > 320);
        assertThrows(ProblemException.class, () -> UserFieldRules.email(tooLong));
    }

    @Test
    void nameWhenPaddedThenTrimmedAndBlankIsAbsent() {
        assertEquals("Alice Smith", UserFieldRules.name("name", "  Alice Smith "));
        assertNull(UserFieldRules.name("name", " "));
        assertNull(UserFieldRules.name("name", null));
    }

    @Test
    void nameWhenTooLongOrWithControlCharactersThenProblemNamingField() {
        assertEquals(255, UserFieldRules.name("givenName", "é".repeat(255)).length());
        assertEquals("givenName must have at most 255 characters", assertThrows(ProblemException.class,
                () -> UserFieldRules.name("givenName", "é".repeat(256))).detail());
        assertEquals("familyName must not contain control characters", assertThrows(ProblemException.class,
                () -> UserFieldRules.name("familyName", "Smith\nJones")).detail());
    }

    @Test
    void rolesWhenValidThenKept() {
        assertEquals(Set.of("admin", "billing:read", "Team.Lead-2"),
                UserFieldRules.roles(Set.of("admin", "billing:read", "Team.Lead-2")));
        assertEquals(Set.of(), UserFieldRules.roles(null));
    }

    @Test
    void rolesWhenInvalidThenProblemNamingField() {
        assertTrue(assertThrows(ProblemException.class, () -> UserFieldRules.roles(Set.of("two words")))
                .detail().startsWith("roles"));
        assertThrows(ProblemException.class, () -> UserFieldRules.roles(Set.of("")));
        assertThrows(ProblemException.class, () -> UserFieldRules.roles(Set.of("r".repeat(101))));
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(ProblemException.class, () -> UserFieldRules.roles(withNull));
    }

    @Test
    void rolesWhenMoreThan100ThenRefused() {
        Set<String> many = IntStream.rangeClosed(0, 100).mapToObj(i -> "role" + i).collect(Collectors.toSet());

        assertEquals("roles must hold at most 100 roles",
                assertThrows(ProblemException.class, () -> UserFieldRules.roles(many)).detail());
    }

    @Test
    void detailsWhenValidThenTrimmedAndLocaleCanonical() {
        ProfileDetails details = UserFieldRules.details(TestUsers.details());

        assertEquals("Ali", details.nickname());
        assertEquals("en-GB", details.locale());
        assertEquals("+44 1865 276150", details.phoneNumber());
        assertTrue(details.phoneNumberVerified());
        assertEquals("Christ Church\nSt Aldates\nOxford OX1 1DP", details.address().formatted());
        assertEquals(ProfileDetails.NONE, UserFieldRules.details(null));
    }

    @Test
    void detailsWhenPhoneNumberAbsentThenNotVerified() {
        ProfileDetails details = UserFieldRules.details(new ProfileDetails(null, null, null, null, null, null, null,
                null, " ", true, null));

        assertNull(details.phoneNumber());
        assertEquals(false, details.phoneNumberVerified());
        assertEquals(PostalAddress.NONE, details.address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1852-05-04", "1852", "0000-02-29", "2000-02-29"})
    void birthdateWhenValidThenKept(String birthdate) {
        assertEquals(birthdate, UserFieldRules.details(withBirthdate(birthdate)).birthdate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1852-5-4", "52", "2001-02-29", "1852-13-01", "04/05/1852", "1852-05-04T00:00"})
    void birthdateWhenInvalidThenProblemNamingField(String birthdate) {
        assertProblemNaming("birthdate", withBirthdate(birthdate));
    }

    @Test
    void detailsWhenInvalidThenProblemNamingTheField() {
        ProfileDetails none = ProfileDetails.NONE;
        assertProblemNaming("picture", new ProfileDetails(null, null, "javascript:alert(1)", null, null, null, null,
                null, null, false, null));
        assertProblemNaming("website", new ProfileDetails(null, null, null, "/relative", null, null, null, null, null,
                false, null));
        assertProblemNaming("website", new ProfileDetails(null, null, null, "https://e.example/" + "a".repeat(2048),
                null, null, null, null, null, false, null));
        assertProblemNaming("zoneinfo", new ProfileDetails(null, null, null, null, null, null, "Mars/Olympus", null,
                null, false, null));
        assertProblemNaming("locale", new ProfileDetails(null, null, null, null, null, null, null, "not a locale!",
                null, false, null));
        assertProblemNaming("phoneNumber", new ProfileDetails(null, null, null, null, null, null, null, null,
                "call me", false, null));
        assertProblemNaming("phoneNumber", new ProfileDetails(null, null, null, null, null, null, null, null,
                "+1" + "2".repeat(64), false, null));
        assertProblemNaming("middleName", new ProfileDetails("a\u0000b", null, null, null, null, null, null, null,
                null, false, null));
        assertProblemNaming("address.formatted", new ProfileDetails(null, null, null, null, null, null, null, null,
                null, false, new PostalAddress("line\u0007bell", null, null, null, null, null)));
        assertProblemNaming("address.streetAddress", new ProfileDetails(null, null, null, null, null, null, null,
                null, null, false, new PostalAddress(null, "x".repeat(1025), null, null, null, null)));
        assertProblemNaming("address.country", new ProfileDetails(null, null, null, null, null, null, null, null,
                null, false, new PostalAddress(null, null, null, null, null, "c".repeat(256))));
        assertEquals(none, UserFieldRules.details(none));
    }

    private static ProfileDetails withBirthdate(String birthdate) {
        return new ProfileDetails(null, null, null, null, null, birthdate, null, null, null, false, null);
    }

    private static void assertProblemNaming(String field, ProfileDetails details) {
        ProblemException problem = assertThrows(ProblemException.class, () -> UserFieldRules.details(details));
        assertEquals(400, problem.status());
        assertTrue(problem.detail().startsWith(field + " "), problem.detail());
    }
}

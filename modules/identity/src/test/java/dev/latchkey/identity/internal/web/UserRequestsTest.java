package dev.latchkey.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.PostalAddress;
import dev.latchkey.identity.api.ProfileDetails;
import dev.latchkey.identity.api.UserUpdate;
import dev.latchkey.kernel.api.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserRequestsTest {

    @Test
    void newUserWhenFullBodyThenEveryFieldPassedAndNoImportedHash() {
        PostalAddress address = new PostalAddress(null, "1 Rue de Rivoli", "Paris", null, "75001", "France");
        NewUser user = UserRequests.newUser(new CreateUserRequest("alice", "alice@example.com", true, "Alice",
                "Liddell", "Alice Liddell", "P.", "Ali", "https://example.com/a.png", "https://alice.example", "female",
                "1852-05-04", "Europe/Paris", "fr-FR", "+33123456789", true, address, "secret password",
                List.of("user", "admin", "user")));

        assertEquals(new NewUser("alice", "alice@example.com", true, "Alice", "Liddell", "Alice Liddell",
                new ProfileDetails("P.", "Ali", "https://example.com/a.png", "https://alice.example", "female",
                        "1852-05-04", "Europe/Paris", "fr-FR", "+33123456789", true, address),
                "secret password", null, Set.of("user", "admin")), user);
    }

    @Test
    void newUserWhenOptionalFieldsAbsentThenDefaults() {
        NewUser user = UserRequests.newUser(bob(null));

        assertFalse(user.emailVerified());
        assertNull(user.password());
        assertEquals(Set.of(), user.roles());
    }

    @Test
    void newUserWhenNoBodyThenValidationProblem() {
        ProblemException problem = assertThrows(ProblemException.class, () -> UserRequests.newUser(null));

        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("username"));
    }

    @Test
    void newUserWhenRoleIsNullThenValidationProblemNamingRoles() {
        CreateUserRequest body = bob(Arrays.asList("user", null));

        assertEquals("roles must not contain null",
                assertThrows(ProblemException.class, () -> UserRequests.newUser(body)).detail());
    }

    @Test
    void updateWhenBodyThenEveryField() {
        UserUpdate update = UserRequests.update(new UpdateUserRequest("a@example.com", true, "A", "B", "A B", null,
                "Ab", null, null, null, null, null, null, "+33123456789", null, null, null, List.of("admin")));

        assertEquals(new UserUpdate("a@example.com", true, "A", "B", "A B",
                new ProfileDetails(null, "Ab", null, null, null, null, null, null, "+33123456789", false, null), null,
                Set.of("admin")), update);
        assertThrows(ProblemException.class, () -> UserRequests.update(null));
    }

    @Test
    void ownUpdateWhenBodyThenProfileWithoutRolesPasswordOrVerifiedFlags() {
        UserUpdate update = UserRequests.ownUpdate(new AccountUpdateRequest("a@example.com", "A", "B", "A B", null,
                "Ab", null, null, null, "2000", null, null, "+33123456789", null));

        assertEquals(new UserUpdate("a@example.com", false, "A", "B", "A B",
                new ProfileDetails(null, "Ab", null, null, null, "2000", null, null, "+33123456789", false, null), null,
                Set.of()), update);
        assertThrows(ProblemException.class, () -> UserRequests.ownUpdate(null));
    }

    private static CreateUserRequest bob(List<String> roles) {
        return new CreateUserRequest("bob", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, roles);
    }

    @Test
    void userIdWhenUuidThenParsedElseNotFound() {
        UUID id = UUID.randomUUID();

        assertEquals(id, UserRequests.userId(id.toString()));
        for (String bad : new String[] {"42", "not-a-uuid", "1-1-1-1-1", null, id + "0",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"}) {
            assertEquals(404, assertThrows(ProblemException.class, () -> UserRequests.userId(bad)).status(), bad);
        }
    }
}

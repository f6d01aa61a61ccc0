package dev.latchkey.identity.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.NewUser;
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
        NewUser user = UserRequests.newUser(new CreateUserRequest("alice", "alice@example.com", true, "Alice",
                "Liddell", "Alice Liddell", "secret password", List.of("user", "admin", "user")));

        assertEquals(new NewUser("alice", "alice@example.com", true, "Alice", "Liddell", "Alice Liddell",
                "secret password", null, Set.of("user", "admin")), user);
    }

    @Test
    void newUserWhenOptionalFieldsAbsentThenDefaults() {
        NewUser user = UserRequests.newUser(new CreateUserRequest("bob", null, null, null, null, null, null, null));

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
        CreateUserRequest body = new CreateUserRequest("bob", null, null, null, null, null, null,
                Arrays.asList("user", null));

        assertEquals("roles must not contain null",
                assertThrows(ProblemException.class, () -> UserRequests.newUser(body)).detail());
    }

    @Test
    void updateWhenBodyThenEveryField() {
        UserUpdate update = UserRequests.update(new UpdateUserRequest("a@example.com", true, "A", "B", "A B", null,
                List.of("admin")));

        assertEquals(new UserUpdate("a@example.com", true, "A", "B", "A B", null, Set.of("admin")), update);
        assertThrows(ProblemException.class, () -> UserRequests.update(null));
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

package dev.latchkey.identity.internal.credential;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.latchkey.identity.internal.fixtures.TestSettings;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.Problems;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(TestSettings.cheap());

    @Test
    void checkWhenPasswordHasMinimumLengthThenAccepted() {
        assertDoesNotThrow(() -> policy.check("password", "12345678"));
    }

    @Test
    void checkWhenPasswordIsShorterThanMinimumThenValidationProblemNamingField() {
        ProblemException problem = assertThrows(ProblemException.class, () -> policy.check("password", "1234567"));

        assertEquals(400, problem.status());
        assertEquals(Problems.VALIDATION, problem.type());
        assertEquals("password must have at least 8 characters", problem.detail());
    }

    @Test
    void checkWhenPasswordIsLongerThanMaximumThenRefused() {
        ProblemException problem = assertThrows(ProblemException.class,
                () -> policy.check("password", "x".repeat(PasswordLength.MAX + 1)));

        assertEquals("password must have at most 256 characters", problem.detail());
        assertDoesNotThrow(() -> policy.check("password", "x".repeat(PasswordLength.MAX)));
    }

    @Test
    void checkWhenPasswordIsEmptyOrNullThenRefused() {
        assertThrows(ProblemException.class, () -> policy.check("password", ""));
        assertThrows(ProblemException.class, () -> policy.check("password", null));
    }

    @Test
    void checkWhenPasswordHasCharactersOutsideBmpThenCountsCodePoints() {
        String sevenEmoji = "\uD83D\uDE00".repeat(7);
        String eightEmoji = "\uD83D\uDE00".repeat(8);

        assertThrows(ProblemException.class, () -> policy.check("password", sevenEmoji));
        assertDoesNotThrow(() -> policy.check("password", eightEmoji));
        assertDoesNotThrow(() -> policy.check("password", "\uD83D\uDE00".repeat(PasswordLength.MAX)));
    }
}

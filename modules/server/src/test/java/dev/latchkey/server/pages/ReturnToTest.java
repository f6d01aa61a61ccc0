package dev.latchkey.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReturnToTest {

    @Test
    void aLocalPathWithQueryIsKept() {
        String target = "/authorize?client_id=a&redirect_uri=https%3A%2F%2Fapp%2Fcb&state=x";
        assertEquals(target, ReturnTo.sanitize(target));
        assertTrue(ReturnTo.isValid(target));
    }

    @Test
    void anythingThatCouldLeaveThisServerFallsBackToTheDefault() {
        for (String target : new String[] {"https://evil.example", "//evil.example/x", "/\\evil.example",
                "/ok\\..\\", "javascript:alert(1)", "/with space", "/new\nline", "", "/" + "a".repeat(9000)}) {
            assertEquals(ReturnTo.DEFAULT, ReturnTo.sanitize(target), target);
            assertFalse(ReturnTo.isValid(target), target);
        }
        assertEquals(ReturnTo.DEFAULT, ReturnTo.sanitize(null));
        assertFalse(ReturnTo.isValid(null));
    }
}

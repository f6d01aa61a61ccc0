package dev.latchkey.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void absentOrBlankParametersTakeTheDefaults() {
        assertEquals(new PageRequest(0, 20), PageRequest.parse(null, " "));
        assertEquals(new PageRequest(3, 100), PageRequest.parse(" 3 ", "100"));
    }

    @Test
    void nonNumbersAndOutOfRangeValuesAreValidationProblems() {
        for (String[] bad : new String[][] {{"x", "1"}, {"1", "1.5"}, {"-1", "10"}, {"0", "0"}, {"0", "101"},
                {"99999999999", "1"}}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> PageRequest.parse(bad[0], bad[1]));
            assertEquals(400, problem.status());
            assertTrue(problem.detail().contains("page") || problem.detail().contains("size"), problem.detail());
        }
    }
}

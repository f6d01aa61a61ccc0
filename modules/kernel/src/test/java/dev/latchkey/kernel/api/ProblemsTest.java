package dev.latchkey.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemsTest {

    @Test
    void eachFactoryGivesItsStatusTypeAndDetail() {
        assertProblem(Problems.validation("username is missing"), 400, Problems.VALIDATION, "username is missing");
        assertProblem(Problems.malformed("not JSON"), 400, Problems.MALFORMED_REQUEST, "not JSON");
        assertProblem(Problems.notFound("no user 42"), 404, Problems.NOT_FOUND, "no user 42");
        assertProblem(Problems.conflict("taken"), 409, Problems.CONFLICT, "taken");
    }

    @Test
    void errorPageExceptionKeepsStatusAndMessageKey() {
        ErrorPageException page = new ErrorPageException(400, "invalid_client", "client x unknown");
        assertEquals(400, page.status());
        assertEquals("invalid_client", page.messageKey());
        assertEquals("client x unknown", page.getMessage());
    }

    private static void assertProblem(ProblemException problem, int status, java.net.URI type, String detail) {
        assertEquals(status, problem.status());
        assertEquals(type, problem.type());
        assertEquals(detail, problem.detail());
        assertEquals(false, problem.title().isBlank());
    }
}

package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every module's {@link ProblemException} as RFC 9457 problem details. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException problem) {
        return ProblemResponses.problem(problem.status(), problem.type(), problem.title(), problem.detail());
    }
}

package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.Problems;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON an endpoint expects: 400, never a 500. */
@Provider
public class JsonBindingExceptionMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return ProblemResponses.problem(400, Problems.MALFORMED_REQUEST, "Malformed request",
                "The request body is not valid JSON of the expected shape");
    }
}

package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.Problems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The JAX-RS runtime's own failures (no such path, wrong method, unsupported media type, a body
 * that does not bind) as problem details, keeping their status and headers
 * ({@code WWW-Authenticate}, {@code Allow}).
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        boolean unreadableBody = status == 400;
        Response problem = ProblemResponses.problem(status,
                unreadableBody ? Problems.MALFORMED_REQUEST : URI.create("about:blank"),
                unreadableBody ? "Malformed request" : original.getStatusInfo().getReasonPhrase(),
                unreadableBody ? "The request body could not be read as the expected JSON" : null);
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}

package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.ApiChallenges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The JAX-RS runtime's own failures (no such path, wrong method, unsupported media type, a body
 * that does not bind) as problem details, keeping their status and headers ({@code Allow}). A 401
 * (only the REST API throws one: the protocol endpoints answer with their own errors) gets the
 * API's Bearer challenge with RFC 9728's {@code resource_metadata} in place of the resource's.
 */
@Provider
@ApplicationScoped
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final String INVALID_TOKEN = "The access token is not valid for this API";

    // a field, not a constructor parameter: RESTEasy instantiates providers through a public
    // no-argument constructor and leaves the injection to CDI
    @Inject
    ServerSettings server;

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
        boolean unauthorized = status == Response.Status.UNAUTHORIZED.getStatusCode();
        original.getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)
                    && !(unauthorized && HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        if (unauthorized) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, ApiChallenges.invalidToken(server.issuer(), INVALID_TOKEN));
        }
        return builder.build();
    }
}

package dev.latchkey.server.errors;

import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.api.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Redis does not answer: 503 with {@code Retry-After}, never a 500, in the form the caller
 * reads — the REST API ({@code /api/...}) a problem (RFC 9457), the protocol endpoints that answer
 * JSON ({@code /token}, {@code /introspect}, {@code /revoke}, {@code /userinfo})
 * the RFC 6749 §5.2 error {@code temporarily_unavailable}, and every page ({@code /login},
 * {@code /consent}, {@code /authorize} before it can redirect) the localized "sign-in is
 * temporarily unavailable" page. Which form is the endpoint's: what its method produces.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1 (temporarily_unavailable)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-10.2.3">RFC 9110 §10.2.3 (Retry-After)</a>
 */
@Provider
@ApplicationScoped
public class StoreUnavailableMapper implements ExceptionMapper<EphemeralStoreUnavailableException> {

    /** How long a client should wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String OAUTH_ERROR = "temporarily_unavailable";

    private static final Logger LOG = Logger.getLogger(StoreUnavailableMapper.class.getName());
    private static final int STATUS = Response.Status.SERVICE_UNAVAILABLE.getStatusCode();
    private static final String DESCRIPTION = "The server cannot reach its session store; try again in a moment";

    /** The three forms of the answer. */
    enum Form { API_PROBLEM, OAUTH_ERROR, PAGE }

    @Inject
    ErrorPageExceptionMapper errorPages;

    @Context
    UriInfo uri;

    @Context
    ResourceInfo resource;

    @Override
    public Response toResponse(EphemeralStoreUnavailableException exception) {
        LOG.fine(() -> "503 for " + uri.getPath() + ": " + exception.getMessage());
        Response.ResponseBuilder response = switch (form(uri.getPath(), produces())) {
            case API_PROBLEM -> Response.fromResponse(ProblemResponses.problem(STATUS, Problems.TEMPORARILY_UNAVAILABLE,
                    "Temporarily unavailable", DESCRIPTION));
            case OAUTH_ERROR -> Response.status(STATUS)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .entity(Json.createObjectBuilder()
                            .add("error", OAUTH_ERROR)
                            .add("error_description", DESCRIPTION)
                            .build().toString());
            case PAGE -> errorPages.page(STATUS, "unavailable", Map.of());
        };
        return response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** The answer's form for a request to {@code path} (relative, as JAX-RS gives it) whose endpoint produces {@code produces}. */
    static Form form(String path, String[] produces) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.startsWith("api/")) {
            return Form.API_PROBLEM;
        }
        boolean json = Arrays.stream(produces)
                .map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .anyMatch(MediaType.APPLICATION_JSON::equals);
        return json ? Form.OAUTH_ERROR : Form.PAGE;
    }

    /** The media types of the matched resource method (or else its class); none when nothing matched. */
    private String[] produces() {
        if (resource == null || resource.getResourceMethod() == null) {
            return new String[0];
        }
        for (AnnotatedElement element : new AnnotatedElement[] {resource.getResourceMethod(), resource.getResourceClass()}) {
            Produces produces = element.getAnnotation(Produces.class);
            if (produces != null) {
                return produces.value();
            }
        }
        return new String[0];
    }
}

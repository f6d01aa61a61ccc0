package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.introspection.Introspection;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The introspection endpoint: a form POST, read raw so a repeated parameter is refused; the
 * answer is JSON and never cached, since it describes a live credential.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7662#section-2">RFC 7662 §2</a>
 */
@Path("/introspect")
@ApplicationScoped
public class IntrospectionResource {

    private Introspection introspection;

    @Inject
    public IntrospectionResource(Introspection introspection) {
        this.introspection = introspection;
    }

    /** For CDI's client proxy only. */
    protected IntrospectionResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form,
                               @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return NoStore.of(Response.ok(introspection.introspect(form, authorization), MediaType.APPLICATION_JSON_TYPE))
                .build();
    }

    /** RFC 7662 §2.1: the request is form-urlencoded; anything else is invalid_request, not a 415 page. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The introspection request must be application/x-www-form-urlencoded");
    }
}

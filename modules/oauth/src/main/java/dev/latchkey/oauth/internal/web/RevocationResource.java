package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.revocation.Revocation;
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
 * The revocation endpoint: a form POST; 200 with an empty body when the token is revoked or was
 * not valid anyway (RFC 7009 §2.2), RFC 6749 §5.2 JSON errors otherwise.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7009#section-2">RFC 7009 §2</a>
 */
@Path("/revoke")
@ApplicationScoped
public class RevocationResource {

    private Revocation revocation;

    @Inject
    public RevocationResource(Revocation revocation) {
        this.revocation = revocation;
    }

    /** For CDI's client proxy only. */
    protected RevocationResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(MultivaluedMap<String, String> form,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        revocation.revoke(form, authorization);
        // RFC 7009 §2.2: HTTP 200; the content of the response body is ignored by the client
        return NoStore.of(Response.ok()).build();
    }

    /** RFC 7009 §2.1: the request is form-urlencoded; anything else is invalid_request, not a 415 page. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The revocation request must be application/x-www-form-urlencoded");
    }
}

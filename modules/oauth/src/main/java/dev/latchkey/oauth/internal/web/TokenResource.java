package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.token.TokenEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * The token endpoint. The form is read raw, every value of every name, so that the endpoint
 * can refuse a repeated parameter (RFC 6749 §3.2).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@Path("/token")
@ApplicationScoped
public class TokenResource {

    private TokenEndpoint endpoint;

    @Inject
    public TokenResource(TokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** For CDI's client proxy only. */
    protected TokenResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form,
                          @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @HeaderParam(HttpHeaders.USER_AGENT) String userAgent,
                          @Context HttpServletRequest request) {
        return NoStore.of(Response.ok(endpoint.exchange(form, authorization, request.getRemoteAddr(), userAgent),
                MediaType.APPLICATION_JSON_TYPE)).build();
    }

    /** RFC 6749 §3.2: the client MUST use the form-urlencoded format; anything else is invalid_request, not a 415 page. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthException.invalidRequest("The token request must be application/x-www-form-urlencoded");
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.userinfo.BearerToken;
import dev.latchkey.oauth.internal.userinfo.Userinfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * The userinfo endpoint, by GET and POST (OIDC Core §5.3.1: both MUST be supported).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 */
@Path("/userinfo")
@ApplicationScoped
public class UserinfoResource {

    private Userinfo userinfo;

    @Inject
    public UserinfoResource(Userinfo userinfo) {
        this.userinfo = userinfo;
    }

    /** For CDI's client proxy only. */
    protected UserinfoResource() {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return claims(authorization, null);
    }

    /** RFC 6750 §2.2: on a form POST the token may be the {@code access_token} parameter instead. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                         @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        // a prefix test, not MediaType.valueOf: a malformed Content-Type must not become a 500
        boolean form = contentType != null && contentType.trim().toLowerCase(Locale.ROOT)
                .startsWith(MediaType.APPLICATION_FORM_URLENCODED);
        return claims(authorization, form ? BearerToken.fromForm(body) : null);
    }

    private Response claims(String authorization, String formToken) {
        return NoStore.of(Response.ok(userinfo.claims(authorization, formToken), MediaType.APPLICATION_JSON_TYPE))
                .build();
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.FormPostResponse;
import dev.latchkey.oauth.internal.authorize.AuthorizationAnswer;
import dev.latchkey.oauth.internal.authorize.AuthorizationService;
import dev.latchkey.oauth.internal.authorize.RawAuthorizationRequest;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The authorization endpoint, by GET and by form POST (OIDC Core §3.1.2.1). Every answer is a
 * 303 redirect — to the client or to the login page —, a page posting the response to the
 * client ({@code response_mode=form_post}, rendered by the server from a {@link FormPostResponse}),
 * or an error page thrown by the service.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.1">RFC 6749 §3.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
@Path("/authorize")
@ApplicationScoped
public class AuthorizationResource {

    private AuthorizationService authorizations;
    private SsoSessions sessions;

    @Inject
    public AuthorizationResource(AuthorizationService authorizations, SsoSessions sessions) {
        this.authorizations = authorizations;
        this.sessions = sessions;
    }

    /** For CDI's client proxy only. */
    protected AuthorizationResource() {
    }

    @GET
    public Response authorize(@Context UriInfo uri, @Context HttpHeaders headers) {
        URI request = uri.getRequestUri();
        return answer(authorizations.authorize(new RawAuthorizationRequest(uri.getQueryParameters(),
                request.getRawPath(), request.getRawQuery(), sessionCookie(headers))));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorize(MultivaluedMap<String, String> form, @Context UriInfo uri, @Context HttpHeaders headers) {
        return answer(authorizations.authorize(RawAuthorizationRequest.ofForm(form,
                uri.getRequestUri().getRawPath(), sessionCookie(headers))));
    }

    private String sessionCookie(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessions.cookieName());
        return cookie == null ? null : cookie.getValue();
    }

    private static Response answer(AuthorizationAnswer answer) {
        if (answer instanceof AuthorizationAnswer.FormPost post) {
            return Response.ok(new FormPostResponse(post.redirectUri(), post.parameters()), MediaType.TEXT_HTML_TYPE)
                    // Form Post Response Mode §2 / RFC 6749 §5.1: the page carries a code: no cache may keep it
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Referrer-Policy", "no-referrer")
                    .build();
        }
        return redirect(((AuthorizationAnswer.Redirect) answer).location());
    }

    private static Response redirect(String location) {
        // 303 makes the browser GET the target, also after a form POST
        return Response.seeOther(URI.create(location))
                // the Location may carry a code: no cache may keep it
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // and out of the Referer the next page would send (RFC 9700 §4.2.4)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}

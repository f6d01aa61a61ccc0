package dev.latchkey.server.web;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.LogoutPages;
import dev.latchkey.oauth.api.LogoutStep;
import dev.latchkey.server.pages.FormCookies;
import dev.latchkey.server.pages.Locales;
import dev.latchkey.server.pages.PageRenderer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The end-session endpoint of OpenID Connect RP-Initiated Logout and its pages: the request goes
 * to oauth's {@link LogoutPages}, which logs out at once (a valid {@code id_token_hint} of the
 * browser's own session) or asks for a confirmation (a plain form, CSRF double-submit like the
 * login form, no JavaScript). After the logout the browser goes to the client's registered
 * {@code post_logout_redirect_uri} (with {@code state}) or sees the signed-out page, and forgets
 * its session cookie. {@code ui_locales} picks the pages' language.
 *
 * <p>A POST is answered with a redirect to the same request as a GET: the session cookie is
 * {@code SameSite=Lax}, which a browser leaves out of a cross-site POST but sends with a
 * top-level GET, and a logout that cannot see the session would end nothing.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html">OpenID Connect RP-Initiated Logout 1.0</a>
 */
@Path("/logout")
@RequestScoped
@Tag(name = "Pages", description = "Server-rendered pages for people")
public class LogoutResource {

    static final List<String> PARAMETERS = List.of("id_token_hint", "client_id", "post_logout_redirect_uri", "state",
            "ui_locales", "logout_hint");
    /** The most characters of parameters a POST may carry into the GET it is redirected to. */
    static final int MAX_POSTED_LENGTH = 16_384;

    @Inject
    LogoutPages logouts;

    @Inject
    PageRenderer pages;

    @Inject
    FormCookies cookies;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "End-session endpoint (OIDC RP-Initiated Logout): sign out, asking first unless "
            + "id_token_hint names this browser's session")
    public Response request() {
        MultivaluedMap<String, String> query = uriInfo.getQueryParameters();
        LogoutStep step = logouts.request(query, cookies.sessionCookieValue(headers));
        return answer(step, query.getFirst("ui_locales"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "End-session endpoint by form post: redirected to the same request by GET")
    public Response requestByPost(MultivaluedMap<String, String> form) {
        StringJoiner query = new StringJoiner("&");
        for (String name : PARAMETERS) {
            for (String value : form.getOrDefault(name, List.of())) {
                query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        if (query.length() > MAX_POSTED_LENGTH) {
            throw new ErrorPageException(400, "invalid_request", "the logout request is too long");
        }
        return Response.seeOther(URI.create(query.length() == 0 ? "/logout" : "/logout?" + query))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The user confirms the logout: sign out, then on to the application or the signed-out page")
    public Response confirm(MultivaluedMap<String, String> form) {
        if (!cookies.csrfMatches(headers, LoginResource.single(form, "csrf"))) {
            throw new ErrorPageException(403, "csrf", "CSRF token missing or not matching its cookie");
        }
        LogoutStep step = logouts.confirm(LoginResource.single(form, "request"), cookies.sessionCookieValue(headers));
        return answer(step, LoginResource.single(form, "ui_locales"));
    }

    private Response answer(LogoutStep step, String uiLocales) {
        Response.ResponseBuilder response;
        if (step instanceof LogoutStep.Redirect redirect) {
            response = Response.seeOther(URI.create(redirect.location()));
        } else {
            String csrf = cookies.csrfToken(headers);
            Map<String, Object> variables = new HashMap<>();
            variables.put("csrf", csrf);
            variables.put("uiLocales", uiLocales);
            String template;
            if (step instanceof LogoutStep.Confirm confirm) {
                template = "logout";
                variables.put("request", confirm.requestId());
                variables.put("clientName", confirm.clientName());
            } else {
                template = "signed-out";
                variables.put("clientName", ((LogoutStep.SignedOut) step).clientName());
            }
            String html = pages.render(template, Locales.of(headers, uiLocales), variables);
            response = Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).cookie(cookies.csrfCookie(csrf));
        }
        if (step.signedOut()) {
            response.cookie(cookies.expiredSessionCookie());
        }
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}

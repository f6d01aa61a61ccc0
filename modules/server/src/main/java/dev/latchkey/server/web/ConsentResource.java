package dev.latchkey.server.web;

import dev.latchkey.kernel.api.ContentSecurityPolicy;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.ConsentOutcome;
import dev.latchkey.oauth.api.ConsentPages;
import dev.latchkey.oauth.api.ConsentPrompt;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The consent page: a third-party client's authorization request, waiting in oauth, shown to the
 * signed-in user with the client's name, logo and links and the scopes in words; a plain form
 * (CSRF double-submit, like the login form; no JavaScript) whose Allow or Deny answers the client
 * through oauth's {@link ConsentPages}. Every check of the request — still waiting, same session,
 * client unchanged, decided once — is oauth's; this page checks the CSRF token and the decision.
 *
 * <p>The client's logo comes from its registered https {@code logo_uri}: the page's
 * Content-Security-Policy allows exactly that image besides its own origin.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
@Path("/consent")
@RequestScoped
@Tag(name = "Pages", description = "Server-rendered pages for people")
public class ConsentResource {

    static final String ALLOW = "allow";
    static final String DENY = "deny";

    @Inject
    ConsentPages consents;

    @Inject
    PageRenderer pages;

    @Inject
    FormCookies cookies;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show what a third-party application asks for, with Allow and Deny")
    public Response show(@QueryParam("request") String requestId) {
        ConsentPrompt prompt = consents.prompt(requestId, cookies.sessionCookieValue(headers));
        String csrf = cookies.csrfToken(headers);
        String logo = ContentSecurityPolicy.isAllowableImage(prompt.logoUri()) ? prompt.logoUri() : null;
        Map<String, Object> variables = new HashMap<>();
        variables.put("prompt", prompt);
        variables.put("logo", logo);
        variables.put("csrf", csrf);
        String html = pages.render("consent", Locales.of(headers), variables);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(cookies.csrfCookie(csrf))
                .header("Content-Security-Policy",
                        logo == null ? ContentSecurityPolicy.PAGES : ContentSecurityPolicy.allowingImage(logo))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Allow or deny the application's request; back to the application either way")
    public Response decide(MultivaluedMap<String, String> form) {
        if (!cookies.csrfMatches(headers, LoginResource.single(form, "csrf"))) {
            throw new ErrorPageException(403, "csrf", "CSRF token missing or not matching its cookie");
        }
        String decision = LoginResource.single(form, "decision");
        if (!ALLOW.equals(decision) && !DENY.equals(decision)) {
            throw new ErrorPageException(400, "invalid_request", "decision must be allow or deny");
        }
        ConsentOutcome outcome = consents.decide(LoginResource.single(form, "request"),
                cookies.sessionCookieValue(headers), ALLOW.equals(decision));
        Response.ResponseBuilder response = outcome instanceof ConsentOutcome.FormPost post
                ? Response.ok(post.page(), MediaType.TEXT_HTML_TYPE)
                : Response.seeOther(URI.create(((ConsentOutcome.Redirect) outcome).location()));
        // the response carries a code: no cache may keep it, no Referer may leak it (RFC 9700 §4.2.4)
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Referrer-Policy", "no-referrer").build();
    }
}

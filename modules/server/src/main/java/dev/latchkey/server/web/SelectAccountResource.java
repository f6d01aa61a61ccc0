package dev.latchkey.server.web;

import dev.latchkey.oauth.api.AccountChoicePrompt;
import dev.latchkey.oauth.api.AccountChoices;
import dev.latchkey.server.pages.FormCookies;
import dev.latchkey.server.pages.Locales;
import dev.latchkey.server.pages.PageRenderer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The account page of {@code prompt=select_account}: "Continue as" the signed-in user, or "Use
 * another account". Two plain links (GET, no JavaScript): both go back to the authorization
 * endpoint's request — one marked as chosen, one through the login form — so the page holds no
 * state and posts nothing; oauth's {@link AccountChoices} decides who may see it.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
@Path("/select-account")
@RequestScoped
@Tag(name = "Pages", description = "Server-rendered pages for people")
public class SelectAccountResource {

    @Inject
    AccountChoices choices;

    @Inject
    PageRenderer pages;

    @Inject
    FormCookies cookies;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Ask whether to continue as the signed-in user or to use another account")
    public Response show(@QueryParam("request") String requestId) {
        AccountChoicePrompt prompt = choices.prompt(requestId, cookies.sessionCookieValue(headers));
        String html = pages.render("select-account", Locales.of(headers), Map.of("prompt", prompt));
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}

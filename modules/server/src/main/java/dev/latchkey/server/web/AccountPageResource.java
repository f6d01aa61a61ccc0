package dev.latchkey.server.web;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.server.pages.FormCookies;
import dev.latchkey.server.pages.Locales;
import dev.latchkey.server.pages.PageRenderer;
import dev.latchkey.server.pages.SessionRow;
import dev.latchkey.session.api.ApproximatePlaces;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The account page of the signed-in browser (its SSO session cookie; none sends it to the login
 * page and back): the user's live sessions — device, approximate place when an IP database is
 * configured, IP address, last seen, "this device" — with a button to sign out each other session,
 * one to sign out all others and one to sign out everywhere. Plain forms (CSRF double-submit, like
 * the login form; no JavaScript), each answered with a redirect back to the page (POST, redirect,
 * GET) that says what was done.
 *
 * <p>A form naming a session that is not one of the user's, or no longer lives, ends nothing and
 * says nothing about it: the page simply shows the sessions that remain.
 */
@Path("/account")
@RequestScoped
@Tag(name = "Pages", description = "Server-rendered pages for people")
public class AccountPageResource {

    static final String PAGE = "/account";
    static final String ENDED = "ended";
    static final String ENDED_OTHERS = "ended_others";
    private static final Set<String> NOTICES = Set.of(ENDED, ENDED_OTHERS);

    @Inject
    SsoSessions sessions;

    @Inject
    ApproximatePlaces places;

    @Inject
    UserDirectory users;

    @Inject
    PageRenderer pages;

    @Inject
    FormCookies cookies;

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show the signed-in user's account: their sessions, with buttons to sign them out")
    public Response show(@QueryParam("notice") String notice) {
        Optional<SsoSession> current = currentSession();
        if (current.isEmpty()) {
            return toLogin();
        }
        Locale locale = Locales.of(headers);
        String csrf = cookies.csrfToken(headers);
        List<SessionRow> rows = sessions.listForUser(current.get().userId()).stream()
                .map(session -> SessionRow.of(session, session.id().equals(current.get().id()),
                        places.of(session.ipAddress()), locale))
                .toList();
        Map<String, Object> variables = new HashMap<>();
        variables.put("username", users.findById(current.get().userId()).map(UserView::username).orElse(""));
        variables.put("sessions", rows);
        variables.put("showPlaces", places.available());
        variables.put("hasOthers", rows.stream().anyMatch(row -> !row.current()));
        variables.put("notice", notice != null && NOTICES.contains(notice) ? notice : null);
        variables.put("csrf", csrf);
        String html = pages.render("my-account", locale, variables);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(cookies.csrfCookie(csrf))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("/sessions/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out one of the user's sessions")
    public Response end(MultivaluedMap<String, String> form) {
        String sessionId = LoginResource.single(form, "session");
        return withSession(form, current -> {
            sessions.end(current.userId(), sessionId, SessionEndReason.ENDED_BY_USER);
            return backToPage(ENDED);
        });
    }

    @POST
    @Path("/sessions/end-others")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out every session of the user but this browser's")
    public Response endOthers(MultivaluedMap<String, String> form) {
        return withSession(form, current -> {
            sessions.listForUser(current.userId()).stream()
                    .filter(session -> !session.id().equals(current.id()))
                    .forEach(session -> sessions.end(session.id(), SessionEndReason.ENDED_BY_USER));
            return backToPage(ENDED_OTHERS);
        });
    }

    @POST
    @Path("/sessions/end-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Sign out every session of the user, this browser's too; then the login page")
    public Response endAll(MultivaluedMap<String, String> form) {
        return withSession(form, current -> {
            sessions.endAllForUser(current.userId(), SessionEndReason.ENDED_BY_USER);
            return Response.fromResponse(toLogin()).cookie(cookies.expiredSessionCookie()).build();
        });
    }

    /** Checks the form's CSRF token, then acts for the browser's session; without one, to the login page. */
    private Response withSession(MultivaluedMap<String, String> form, Function<SsoSession, Response> action) {
        if (!cookies.csrfMatches(headers, LoginResource.single(form, "csrf"))) {
            throw new ErrorPageException(403, "csrf", "CSRF token missing or not matching its cookie");
        }
        return currentSession().map(action).orElseGet(AccountPageResource::toLogin);
    }

    private Optional<SsoSession> currentSession() {
        return Optional.ofNullable(cookies.sessionCookieValue(headers)).flatMap(sessions::resolve);
    }

    private static Response toLogin() {
        return Response.seeOther(URI.create("/login?return_to=" + PAGE)).build();
    }

    private static Response backToPage(String notice) {
        return Response.seeOther(URI.create(PAGE + "?notice=" + notice)).build();
    }
}

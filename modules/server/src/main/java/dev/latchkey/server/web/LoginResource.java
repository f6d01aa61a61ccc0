package dev.latchkey.server.web;

import dev.latchkey.identity.api.LoginContext;
import dev.latchkey.identity.api.LoginFlow;
import dev.latchkey.identity.api.LoginProgress;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.server.pages.FormCookies;
import dev.latchkey.server.pages.Locales;
import dev.latchkey.server.pages.PageRenderer;
import dev.latchkey.server.pages.ReturnTo;
import dev.latchkey.session.api.LoginDevice;
import dev.latchkey.session.api.NewSession;
import dev.latchkey.session.api.SessionLimitReachedException;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import dev.latchkey.session.api.StartedSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The login page: a plain HTML form that works without JavaScript. It runs identity's login
 * chain, starts the SSO session and returns the browser to where it came from (usually the
 * authorization endpoint).
 *
 * <p>A browser that already has a session goes straight on to {@code return_to}, unless the
 * page was asked for with {@code fresh=1}: the authorization endpoint asks so for
 * {@code prompt=login} and {@code max_age}, which want the user to log in again. The parameter
 * can only make the page stricter, so it needs no check; the authorization endpoint decides by
 * itself whether the login it comes back with is recent enough. A login of the browser's own
 * user renews its session (same id, new cookie value); a login of another user replaces it. A
 * login refused because the user has the most sessions allowed shows the form with the reason.
 * Every login (re)sets the long-lived device cookie, by which the session module tells known
 * devices from new ones.
 *
 * <p>{@code login_hint} prefills the username field (escaped by the template, at most
 * {@value #MAX_LOGIN_HINT_LENGTH} characters, used for nothing else); {@code ui_locales} picks
 * the page language before {@code Accept-Language} and is carried through the form posts.
 *
 * <p>While the session store (Redis) does not answer, the page is the 503 "sign-in is temporarily
 * unavailable" page instead of a form whose submission would fail.
 */
@Path("/login")
@RequestScoped
@Tag(name = "Pages", description = "Server-rendered pages for people")
public class LoginResource {

    static final int MAX_FIELD_LENGTH = 1024;
    static final int MAX_LOGIN_HINT_LENGTH = 255;

    @Inject
    LoginFlow loginFlow;

    @Inject
    SsoSessions sessions;

    @Inject
    EphemeralStore store;

    @Inject
    UserDirectory users;

    @Inject
    PageRenderer pages;

    @Inject
    FormCookies cookies;

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    /** The request's {@code ui_locales}, from the query or the form; null when none. */
    private String uiLocales;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Show the login form, or go on to return_to when already signed in")
    public Response show(@QueryParam("return_to") String returnTo, @QueryParam("fresh") String fresh,
                         @QueryParam("login_hint") String loginHint, @QueryParam("ui_locales") String uiLocales) {
        this.uiLocales = uiLocales;
        if (!store.isAvailable()) {
            // no form that cannot be submitted: while the session store is away the page says so (503)
            throw new EphemeralStoreUnavailableException("the session store does not answer", null);
        }
        String target = ReturnTo.sanitize(returnTo);
        Optional<SsoSession> current = Optional.ofNullable(cookies.sessionCookieValue(headers)).flatMap(sessions::resolve);
        if (current.isPresent() && !"1".equals(fresh)) {
            if (ReturnTo.isValid(returnTo) && !ReturnTo.DEFAULT.equals(target)) {
                return Response.seeOther(URI.create(target)).build();
            }
            String username = users.findById(current.get().userId()).map(user -> user.username()).orElse("");
            return page("signed-in", Map.of("username", username));
        }
        String hint = loginHint == null || loginHint.length() > MAX_LOGIN_HINT_LENGTH ? "" : loginHint;
        return loginForm(target, hint, null, Response.Status.OK);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Check username and password (then any further step) and start the session")
    public Response submit(MultivaluedMap<String, String> form) {
        uiLocales = single(form, "ui_locales");
        String target = ReturnTo.sanitize(single(form, "return_to"));
        requireCsrf(form);
        String username = Optional.ofNullable(single(form, "username")).orElse("").trim();
        String password = Optional.ofNullable(single(form, "password")).orElse("");
        if (username.isEmpty() || password.isEmpty()) {
            return loginForm(target, username, "login.error.missing", Response.Status.BAD_REQUEST);
        }
        LoginProgress progress = loginFlow.start(username, password, context());
        return next(progress, target, username);
    }

    @POST
    @Path("/step")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Submit the answer to a further login step (e.g. a one-time code)")
    public Response submitStep(MultivaluedMap<String, String> form) {
        uiLocales = single(form, "ui_locales");
        String target = ReturnTo.sanitize(single(form, "return_to"));
        requireCsrf(form);
        String flow = Optional.ofNullable(single(form, "flow")).orElse("");
        String step = Optional.ofNullable(single(form, "step")).orElse("");
        Map<String, String> input = new HashMap<>();
        form.forEach((name, values) -> {
            if (values.size() == 1) {
                input.put(name, values.get(0));
            }
        });
        LoginProgress progress = loginFlow.continueWith(flow, step, input, context());
        return next(progress, target, "");
    }

    private Response next(LoginProgress progress, String target, String username) {
        if (progress instanceof LoginProgress.Completed completed) {
            LoginContext context = context();
            NewSession login = new NewSession(completed.userId(), completed.authenticationMethods(), null,
                    completed.authenticatedAt(), new LoginDevice(context.remoteAddress(), context.userAgent(),
                    cookies.deviceCookieValue(headers)));
            StartedSession started;
            try {
                started = sessions.start(login, cookies.sessionCookieValue(headers));
            } catch (SessionLimitReachedException e) {
                return loginForm(target, username, "login.error.session_limit", Response.Status.CONFLICT);
            }
            return Response.seeOther(URI.create(target))
                    .cookie(cookies.sessionCookie(started.cookieValue()), cookies.deviceCookie(started.deviceId()))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        if (progress instanceof LoginProgress.StepRequired step) {
            return page("login-step", Map.of("flow", step.flowId(), "step", step.stepId(), "returnTo", target));
        }
        LoginProgress.Failed failed = (LoginProgress.Failed) progress;
        return loginForm(target, username, "login.error." + failed.reason(), Response.Status.OK);
    }

    private Response loginForm(String target, String username, String errorKey, Response.Status status) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("returnTo", target);
        variables.put("username", username);
        variables.put("errorKey", errorKey);
        return Response.fromResponse(page("login", variables)).status(status).build();
    }

    private Response page(String template, Map<String, Object> variables) {
        String csrf = cookies.csrfToken(headers);
        Map<String, Object> all = new HashMap<>(variables);
        all.put("csrf", csrf);
        all.put("uiLocales", uiLocales);
        String html = pages.render(template, Locales.of(headers, uiLocales), all);
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .cookie(cookies.csrfCookie(csrf))
                .build();
    }

    private void requireCsrf(MultivaluedMap<String, String> form) {
        if (!cookies.csrfMatches(headers, single(form, "csrf"))) {
            throw new ErrorPageException(403, "csrf", "CSRF token missing or not matching its cookie");
        }
    }

    private LoginContext context() {
        String userAgent = Optional.ofNullable(headers.getHeaderString(HttpHeaders.USER_AGENT)).orElse("");
        return new LoginContext(request.getRemoteAddr(),
                userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent, null);
    }

    /** The one value of a form field; null when absent, repeated or oversized. */
    static String single(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.size() != 1 || values.get(0).length() > MAX_FIELD_LENGTH) {
            return null;
        }
        return values.get(0);
    }
}

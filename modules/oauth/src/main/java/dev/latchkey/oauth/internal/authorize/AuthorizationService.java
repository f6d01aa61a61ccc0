package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.LOGIN_REQUIRED;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.LOGIN_HINT;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.MAX_VALUE_LENGTH;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.STATE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.UI_LOCALES;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCodes;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization endpoint's rules: turns a browser's authorization request into where to
 * send the browser next — the client's redirect URI with a code or an error (in the query, or
 * posted by a form with {@code response_mode=form_post}), or the login page, which comes back to
 * the same request. Errors about the client or its redirect URI are
 * thrown as {@link dev.latchkey.kernel.api.ErrorPageException}s instead (RFC 6749 §4.1.2.1).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthorizationEndpoint">OIDC Core §3.1.2</a>
 */
@ApplicationScoped
public class AuthorizationService {

    static final String LOGIN_PATH = "/login";
    static final String RETURN_TO = "return_to";
    /** Tells the login page to show its form even to a browser with a session. */
    static final String FRESH = "fresh";
    /** The longest {@code login_hint} passed on to the login page (the username field's size). */
    static final int MAX_LOGIN_HINT_LENGTH = 255;
    /** The longest {@code ui_locales} passed on to the login page. */
    static final int MAX_UI_LOCALES_LENGTH = 255;

    private static final List<AuthorizationRequestValidator> VALIDATORS = List.of(
            new SingleValuedParametersValidator(),
            new ParameterLengthValidator(),
            new RequestObjectValidator(),
            new ResponseTypeValidator(),
            new ResponseModeValidator(),
            new AuthorizationCodeGrantValidator(),
            new ScopeValidator(),
            new PkceValidator(),
            new PromptValidator(),
            new MaxAgeValidator());

    private final RedirectUriValidator redirectUriValidator = new RedirectUriValidator();
    private ClientIdValidator clientIdValidator;
    private SsoSessions sessions;
    private UserDirectory users;
    private AuthorizationCodes codes;
    private FreshLogins freshLogins;
    private ServerSettings server;
    private Clock clock;

    @Inject
    AuthorizationService(ClientLookup clients, SsoSessions sessions, UserDirectory users, AuthorizationCodes codes,
                         EphemeralStore store, ServerSettings server) {
        this(clients, sessions, users, codes, store, server, Clock.systemUTC());
    }

    AuthorizationService(ClientLookup clients, SsoSessions sessions, UserDirectory users, AuthorizationCodes codes,
                         EphemeralStore store, ServerSettings server, Clock clock) {
        this.clientIdValidator = new ClientIdValidator(clients);
        this.freshLogins = new FreshLogins(store);
        this.sessions = sessions;
        this.users = users;
        this.codes = codes;
        this.server = server;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    AuthorizationService() {
    }

    /**
     * Where to send the browser: a redirect, or a form posting the response to the client.
     *
     * @throws dev.latchkey.kernel.api.ErrorPageException when the client or the redirect URI is
     *         invalid: nothing may be redirected then
     */
    public AuthorizationAnswer authorize(RawAuthorizationRequest raw) {
        AuthorizationParameters parameters = AuthorizationParameters.of(raw.parameters());
        RegisteredClient client = clientIdValidator.validate(parameters);
        String redirectUri = redirectUriValidator.validate(parameters, client);
        // a repeated or oversized state is refused below, and not echoed
        String state = parameters.single(STATE).filter(value -> value.length() <= MAX_VALUE_LENGTH).orElse(null);
        boolean formPost = ResponseModeValidator.formPost(parameters);
        try {
            AuthorizationContext context = new AuthorizationContext(parameters, client, redirectUri);
            VALIDATORS.forEach(validator -> validator.validate(context));
            AuthorizationRequest request = AuthorizationRequest.from(context);
            Instant now = clock.instant();
            Optional<SsoSession> session = activeSession(raw.sessionCookie())
                    .filter(active -> recentEnough(request, parameters, active, now));
            if (session.isPresent()) {
                String code = codes.issue(request.grant(session.get(), now));
                return AuthorizationResponses.success(formPost, redirectUri, code, state, server.issuer());
            }
            // OIDC Core §3.1.2.1: with prompt=none the server MUST NOT display a login page
            if (request.promptNone()) {
                throw new AuthorizationException(LOGIN_REQUIRED, "no active session recent enough and prompt=none");
            }
            return new AuthorizationAnswer.Redirect(loginPage(raw, parameters, request, now));
        } catch (AuthorizationException e) {
            return AuthorizationResponses.error(formPost, redirectUri, e, state, server.issuer());
        }
    }

    /** The session of the cookie, unless it expired or its user can no longer log in. */
    private Optional<SsoSession> activeSession(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        return sessions.resolve(cookieValue)
                .filter(session -> users.findById(session.userId()).filter(UserView::isActive).isPresent());
    }

    /**
     * False when the request wants a login after the session's (prompt=login, max_age) and the
     * browser does not come back from the login this endpoint demanded for it.
     */
    private boolean recentEnough(AuthorizationRequest request, AuthorizationParameters parameters,
                                 SsoSession session, Instant now) {
        return !request.wantsLoginAfter(session.authenticatedAt(), now)
                || freshLogins.metBy(parameters, session.authenticatedAt());
    }

    /**
     * The login page, returning to this request, with the request's {@code login_hint} and
     * {@code ui_locales} when they are short enough. A request that wants a recent login makes the
     * page show its form to a browser with a session too, and comes back with a new marker of
     * that demand in place of any old one (see {@link FreshLogins}).
     */
    private String loginPage(RawAuthorizationRequest raw, AuthorizationParameters parameters,
                             AuthorizationRequest request, Instant now) {
        Map<String, List<String>> login = new LinkedHashMap<>();
        if (!request.demandsFreshLogin()) {
            login.put(RETURN_TO, List.of(raw.path() + "?" + raw.query()));
        } else {
            Map<String, List<String>> returned = new LinkedHashMap<>(parameters.asMap());
            returned.remove(FreshLogins.MARKER);
            returned.put(FreshLogins.MARKER, List.of(freshLogins.demand(request.client().clientId(), now)));
            login.put(RETURN_TO, List.of(raw.path() + "?" + FormUrlEncoding.query(returned)));
            login.put(FRESH, List.of("1"));
        }
        // OIDC Core §3.1.2.1: login_hint and ui_locales are hints for the login page only;
        // it prefills and picks its language with them, and trusts them for nothing else
        parameters.single(LOGIN_HINT).filter(hint -> hint.length() <= MAX_LOGIN_HINT_LENGTH)
                .ifPresent(hint -> login.put(LOGIN_HINT, List.of(hint)));
        parameters.single(UI_LOCALES).filter(locales -> locales.length() <= MAX_UI_LOCALES_LENGTH)
                .ifPresent(locales -> login.put(UI_LOCALES, List.of(locales)));
        return server.issuer() + LOGIN_PATH + "?" + FormUrlEncoding.query(login);
    }
}

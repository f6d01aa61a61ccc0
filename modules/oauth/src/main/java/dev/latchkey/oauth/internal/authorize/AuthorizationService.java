package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.LOGIN_REQUIRED;
import static dev.latchkey.oauth.internal.authorize.AuthorizationError.TEMPORARILY_UNAVAILABLE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.LOGIN_HINT;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.MAX_VALUE_LENGTH;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.STATE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.UI_LOCALES;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCodes;
import dev.latchkey.oauth.internal.consent.ConsentService;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.resource.ResourceIndicators;
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
import java.util.Set;

/**
 * The authorization endpoint's rules: turns a browser's authorization request into where to
 * send the browser next — the client's redirect URI with a code or an error (in the query, or
 * posted by a form with {@code response_mode=form_post}), or the login page, which comes back to
 * the same request. Errors about the client or its redirect URI are
 * thrown as {@link dev.latchkey.kernel.api.ErrorPageException}s instead (RFC 6749 §4.1.2.1). A
 * session store that does not answer once the redirect URI is known is redirected as
 * {@code temporarily_unavailable}; before that it passes as
 * {@link EphemeralStoreUnavailableException} (the server's 503 page).
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
            new RequestUriValidator(),
            new ResponseTypeValidator(),
            new ResponseModeValidator(),
            new AuthorizationCodeGrantValidator(),
            new ScopeValidator(),
            new PkceValidator(),
            new PromptValidator(),
            new MaxAgeValidator(),
            new DisplayValidator(),
            new AcrValuesValidator(),
            new ClaimsParameterValidator(),
            new EssentialAcrValidator());

    private final RedirectUriValidator redirectUriValidator = new RedirectUriValidator();
    private ClientIdValidator clientIdValidator;
    private ResourceIndicatorValidator resourceValidator;
    private IdTokenHintValidator idTokenHintValidator;
    private SsoSessions sessions;
    private UserDirectory users;
    private FreshLogins freshLogins;
    private AccountSelections accountSelections;
    private ConsentStep consentStep;
    private ServerSettings server;
    private RequestObjects requestObjects;
    private Clock clock;

    @Inject
    AuthorizationService(ClientLookup clients, SsoSessions sessions, UserDirectory users, AuthorizationCodes codes,
                         EphemeralStore store, ServerSettings server, ConsentService consents,
                         RequestObjects requestObjects, ResourceIndicators resources, SigningKeys keys) {
        this(clients, sessions, users, codes, store, server, consents, requestObjects, resources, keys,
                Clock.systemUTC());
    }

    AuthorizationService(ClientLookup clients, SsoSessions sessions, UserDirectory users, AuthorizationCodes codes,
                         EphemeralStore store, ServerSettings server, ConsentService consents,
                         RequestObjects requestObjects, ResourceIndicators resources, SigningKeys keys, Clock clock) {
        this.clientIdValidator = new ClientIdValidator(clients);
        this.requestObjects = requestObjects;
        this.resourceValidator = new ResourceIndicatorValidator(resources);
        this.idTokenHintValidator = new IdTokenHintValidator(keys, server);
        this.freshLogins = new FreshLogins(store);
        this.accountSelections = new AccountSelections(store);
        this.consentStep = new ConsentStep(consents, new PendingConsents(store), codes);
        this.sessions = sessions;
        this.users = users;
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
        AuthorizationParameters query = AuthorizationParameters.of(raw.parameters());
        RegisteredClient client = clientIdValidator.validate(query);
        AuthorizationParameters parameters;
        try {
            parameters = requestObjects.resolve(query, client);
        } catch (AuthorizationException e) {
            // a bad request object goes back to the query's redirect URI when the client registered it
            return refused(query, redirectUriValidator.validate(query, client), e);
        }
        String redirectUri = redirectUriValidator.validate(parameters, client);
        // a repeated or oversized state is refused below, and not echoed
        String state = state(parameters);
        boolean formPost = ResponseModeValidator.formPost(parameters);
        try {
            AuthorizationContext context = new AuthorizationContext(parameters, client, redirectUri);
            VALIDATORS.forEach(validator -> validator.validate(context));
            resourceValidator.validate(context);
            idTokenHintValidator.validate(context);
            AuthorizationRequest request = AuthorizationRequest.from(context);
            Instant now = clock.instant();
            Optional<SsoSession> active = activeSession(raw.sessionCookie());
            // the browser comes back from the login this endpoint demanded (a marker, consumed once)
            boolean backFromLogin = active.filter(s -> freshLogins.metBy(parameters, s.authenticatedAt())).isPresent();
            // OIDC Core §3.1.2.1: a request naming a user (id_token_hint, a sub value) is answered only for
            // that user, logged in or logged in by the request; else login_required under prompt=none or
            // once the demanded login came back as someone else again, and the login page otherwise
            if (active.isPresent() && !request.allowsUser(active.get().userId())
                    && (request.promptNone() || backFromLogin)) {
                throw new AuthorizationException(LOGIN_REQUIRED, "the user the request names is not the one logged in");
            }
            Optional<SsoSession> session = active.filter(s -> request.allowsUser(s.userId()))
                    .filter(s -> backFromLogin || !request.wantsLoginAfter(s.authenticatedAt(), now));
            Set<String> prompts = PromptValidator.prompts(parameters);
            boolean selectAccount = prompts.contains(PromptValidator.SELECT_ACCOUNT);
            if (session.isPresent()) {
                // OIDC Core §3.1.2.1: select_account — unless the user just logged in or chose
                if (selectAccount && !backFromLogin && !accountSelections.chosen(parameters, session.get())) {
                    return new AuthorizationAnswer.Redirect(accountPage(raw, parameters, request, session.get(), now));
                }
                return consentStep.answer(client, request.grant(session.get(), now), request.promptNone(),
                        prompts.contains(PromptValidator.CONSENT),
                        new AuthorizationReply(formPost, redirectUri, state, server.issuer()));
            }
            // OIDC Core §3.1.2.1: with prompt=none the server MUST NOT display a login page
            if (request.promptNone()) {
                throw new AuthorizationException(LOGIN_REQUIRED, "no active session recent enough and prompt=none");
            }
            // a login for select_account is the user's choice of account: it comes back marked
            return new AuthorizationAnswer.Redirect(loginPage(raw, parameters, request,
                    request.demandsFreshLogin() || selectAccount, now));
        } catch (AuthorizationException e) {
            return refused(parameters, redirectUri, e);
        } catch (EphemeralStoreUnavailableException e) {
            // RFC 6749 §4.1.2.1: a redirect cannot carry a 503, this error code says it instead
            return refused(parameters, redirectUri, new AuthorizationException(TEMPORARILY_UNAVAILABLE,
                    "the server cannot reach its session store; try again in a moment"));
        }
    }

    /** The error redirected (or posted) to {@code redirectUri}, with the request's state and iss. */
    private AuthorizationAnswer refused(AuthorizationParameters parameters, String redirectUri,
                                        AuthorizationException e) {
        return AuthorizationResponses.error(ResponseModeValidator.formPost(parameters), redirectUri, e,
                state(parameters), server.issuer());
    }

    private static String state(AuthorizationParameters parameters) {
        return parameters.single(STATE).filter(value -> value.length() <= MAX_VALUE_LENGTH).orElse(null);
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
     * The login page, returning to this request, with the request's {@code login_hint} and
     * {@code ui_locales} when they are short enough. A {@code fresh} login (the request wants a
     * recent login, or an account chosen) makes the page show its form to a browser with a session
     * too, and comes back with a new marker of that demand in place of any old one (see
     * {@link FreshLogins}).
     */
    private String loginPage(RawAuthorizationRequest raw, AuthorizationParameters parameters,
                             AuthorizationRequest request, boolean fresh, Instant now) {
        Map<String, List<String>> login = new LinkedHashMap<>();
        if (!fresh) {
            login.put(RETURN_TO, List.of(raw.path() + "?" + raw.query()));
        } else {
            Map<String, List<String>> returned = unmarked(parameters);
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

    /**
     * The account page of {@code prompt=select_account}: "continue as" the session's user comes
     * back to this request, marked as chosen; "another account" is a fresh login for it.
     */
    private String accountPage(RawAuthorizationRequest raw, AuthorizationParameters parameters,
                               AuthorizationRequest request, SsoSession session, Instant now) {
        String id = accountSelections.offer(session, request.client().clientId(),
                raw.path() + "?" + FormUrlEncoding.query(unmarked(parameters)),
                loginPage(raw, parameters, request, true, now));
        return server.issuer() + AccountSelections.PAGE_PATH + "?"
                + FormUrlEncoding.query(Map.of(ConsentStep.REQUEST, List.of(id)));
    }

    /** The request's parameters without this endpoint's markers. */
    private static Map<String, List<String>> unmarked(AuthorizationParameters parameters) {
        Map<String, List<String>> returned = new LinkedHashMap<>(parameters.asMap());
        returned.remove(FreshLogins.MARKER);
        returned.remove(AccountSelections.MARKER);
        return returned;
    }
}

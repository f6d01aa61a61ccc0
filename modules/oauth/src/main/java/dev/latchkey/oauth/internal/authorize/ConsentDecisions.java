package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.ACCESS_DENIED;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.kernel.api.FormPostResponse;
import dev.latchkey.oauth.api.ConsentOutcome;
import dev.latchkey.oauth.api.ConsentPages;
import dev.latchkey.oauth.api.ConsentPrompt;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.code.AuthorizationCodes;
import dev.latchkey.oauth.internal.consent.ConsentService;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The consent page's requests ({@link ConsentPages}): each look-up and decision checks that the
 * request is still waiting, that the browser's session is the one the request was made in (so
 * another user, or the same user after logging out, cannot use the page's URL or form), and that
 * the client is unchanged since the request (its fingerprint). A decision takes the request out of
 * the store first, so a replayed or concurrent second post of the form is refused.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
@ApplicationScoped
public class ConsentDecisions implements ConsentPages {

    static final String EXPIRED = "consent_expired";
    static final String CLIENT_CHANGED = "consent_client_changed";

    private PendingConsents pending;
    private SsoSessions sessions;
    private ClientLookup clients;
    private UserDirectory users;
    private ConsentService consents;
    private AuthorizationCodes codes;
    private Clock clock;

    @Inject
    public ConsentDecisions(EphemeralStore store, SsoSessions sessions, ClientLookup clients, UserDirectory users,
                            ConsentService consents, AuthorizationCodes codes) {
        this(store, sessions, clients, users, consents, codes, Clock.systemUTC());
    }

    public ConsentDecisions(EphemeralStore store, SsoSessions sessions, ClientLookup clients, UserDirectory users,
                            ConsentService consents, AuthorizationCodes codes, Clock clock) {
        this.pending = new PendingConsents(store);
        this.sessions = sessions;
        this.clients = clients;
        this.users = users;
        this.consents = consents;
        this.codes = codes;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ConsentDecisions() {
    }

    @Override
    public ConsentPrompt prompt(String requestId, String sessionCookie) {
        PendingConsent request = waiting(requestId, sessionCookie);
        RegisteredClient client = unchangedClient(request);
        Scope before = Scope.parse(request.grantedBefore());
        Scope requested = Scope.parse(request.grant().scope());
        String username = users.findById(request.grant().userId()).map(UserView::username).orElse("");
        return new ConsentPrompt(requestId, client.clientId(), client.name(), client.metadata().clientUri(),
                client.metadata().logoUri(), client.metadata().policyUri(), client.metadata().tosUri(), username,
                List.copyOf(requested.without(before.values()).values()), List.copyOf(before.values()));
    }

    @Override
    public ConsentOutcome decide(String requestId, String sessionCookie, boolean allow) {
        PendingConsent request = waiting(requestId, sessionCookie);
        unchangedClient(request);
        // the atomic take makes this the one decision of the request
        if (pending.take(requestId).isEmpty()) {
            throw new ErrorPageException(400, EXPIRED, "the consent request was decided concurrently");
        }
        AuthorizationReply reply = request.reply();
        if (!allow) {
            // OIDC Core §3.1.2.6 / RFC 6749 §4.1.2.1: the resource owner denied the request
            return outcome(reply.error(new AuthorizationException(ACCESS_DENIED, "the user denied the request")));
        }
        AuthorizationCode grant = request.grant();
        Instant now = clock.instant();
        consents.grant(grant.userId(), grant.clientId(), Scope.parse(grant.scope()), now);
        AuthorizationCode issued = new AuthorizationCode(grant.clientId(), grant.redirectUri(), grant.userId(),
                grant.sessionId(), grant.scope(), grant.nonce(), grant.codeChallenge(), grant.codeChallengeMethod(),
                grant.authTime(), grant.authenticationMethods(), now, grant.resources(), grant.claims());
        return outcome(reply.success(codes.issue(issued)));
    }

    /** The waiting request of the id, made in the browser's current session. */
    private PendingConsent waiting(String requestId, String sessionCookie) {
        PendingConsent request = pending.find(requestId)
                .orElseThrow(() -> new ErrorPageException(400, EXPIRED, "no waiting consent request of this id"));
        boolean sameSession = sessions.resolve(sessionCookie)
                .filter(current -> Objects.equals(current.id(), request.grant().sessionId())
                        && current.userId().equals(request.grant().userId()))
                .isPresent();
        if (!sameSession) {
            // the same page as for an unknown id: nothing tells another user the request exists
            throw new ErrorPageException(400, EXPIRED, "the consent request belongs to another session");
        }
        return request;
    }

    private RegisteredClient unchangedClient(PendingConsent request) {
        return clients.find(request.grant().clientId())
                .filter(client -> ClientFingerprint.of(client).equals(request.clientFingerprint()))
                .orElseThrow(() -> new ErrorPageException(400, CLIENT_CHANGED,
                        "the client changed or was deleted since the authorization request"));
    }

    private static ConsentOutcome outcome(AuthorizationAnswer answer) {
        if (answer instanceof AuthorizationAnswer.FormPost post) {
            return new ConsentOutcome.FormPost(new FormPostResponse(post.redirectUri(), post.parameters()));
        }
        return new ConsentOutcome.Redirect(((AuthorizationAnswer.Redirect) answer).location());
    }
}

package dev.latchkey.oauth.internal.logout;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.LogoutPages;
import dev.latchkey.oauth.api.LogoutStep;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.jwt.IdTokenHints;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.protocol.WaitingRequests;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The end-session endpoint's rules ({@link LogoutPages}). The request is checked before anything
 * happens: an {@code id_token_hint} must be an ID token of this server (an expired one is fine, a
 * forged one is not), a {@code client_id} must name a client among the hint's audiences, and a
 * {@code post_logout_redirect_uri} must be one the client (named by {@code client_id} or the
 * hint) registered, exactly: anything else is an error page, never a redirect, so the endpoint is
 * no open redirector. Then a hint naming the browser's own session ({@code sid} and {@code sub})
 * logs out at once; any other request is confirmed by the user first (a logout nobody can prove
 * the client asked for must not be forced on the user by a link). Without a session there is
 * nothing to end and the browser goes on at once.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout §2</a>
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RedirectionAfterLogout">RP-Initiated Logout §3</a>
 */
@ApplicationScoped
public class EndSession implements LogoutPages {

    static final String EXPIRED = "logout_expired";
    /** How long the confirmation page may stay open. */
    static final Duration CONFIRMATION_TTL = Duration.ofMinutes(10);

    private WaitingRequests<PendingLogout> pending;
    private SsoSessions sessions;
    private ClientLookup clients;
    private SigningKeys keys;
    private ServerSettings server;

    @Inject
    public EndSession(EphemeralStore store, SsoSessions sessions, ClientLookup clients, SigningKeys keys,
                      ServerSettings server) {
        this.pending = new WaitingRequests<>(store, "oauth:logout_request:", CONFIRMATION_TTL, PendingLogout.class);
        this.sessions = sessions;
        this.clients = clients;
        this.keys = keys;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected EndSession() {
    }

    @Override
    public LogoutStep request(Map<String, List<String>> parameters, String sessionCookie) {
        EndSessionRequest request = EndSessionRequest.of(parameters);
        JWTClaimsSet hint = request.idTokenHint() == null ? null : verified(request.idTokenHint());
        RegisteredClient client = client(request.clientId(), hint);
        String location = location(request, client);
        String clientName = client == null ? null : client.name();
        Optional<SsoSession> current = sessions.resolve(sessionCookie);
        if (current.isEmpty()) {
            return done(location, clientName);
        }
        if (hint != null && namesSession(hint, current.get())) {
            sessions.end(sessionCookie);
            return done(location, clientName);
        }
        return new LogoutStep.Confirm(pending.open(new PendingLogout(current.get().id(), location, clientName)),
                clientName);
    }

    @Override
    public LogoutStep confirm(String requestId, String sessionCookie) {
        // the atomic take makes a replayed or concurrent second confirmation find nothing
        PendingLogout request = pending.take(requestId)
                .orElseThrow(() -> new ErrorPageException(400, EXPIRED, "no waiting logout request of this id"));
        Optional<SsoSession> current = sessions.resolve(sessionCookie);
        if (current.isPresent()) {
            if (!current.get().id().equals(request.sessionId())) {
                // the browser signed in again since: that newer session was not what the user confirmed
                throw new ErrorPageException(400, EXPIRED, "the logout request belongs to another session");
            }
            sessions.end(sessionCookie);
        }
        return done(request.location(), request.clientName());
    }

    private JWTClaimsSet verified(String hint) {
        try {
            return IdTokenHints.verify(hint, keys, server.issuer());
        } catch (IdTokenHints.InvalidHintException e) {
            throw EndSessionRequest.invalid(e.getMessage());
        }
    }

    /**
     * The client the request names: {@code client_id}, which must be among the hint's audiences
     * (RP-Initiated Logout §2: both given, they MUST agree), or else the hint's {@code azp} or
     * only audience; null when neither names one.
     */
    private RegisteredClient client(String clientId, JWTClaimsSet hint) {
        if (clientId != null && hint != null && !hint.getAudience().contains(clientId)) {
            throw EndSessionRequest.invalid("client_id is not an audience of the id_token_hint");
        }
        String named = clientId != null ? clientId : hint == null ? null : issuedTo(hint);
        if (named == null) {
            return null;
        }
        return clients.find(named).orElseThrow(() -> new ErrorPageException(400, "invalid_client",
                "the logout request names an unknown client"));
    }

    private static String issuedTo(JWTClaimsSet hint) {
        Object azp = hint.getClaim("azp");
        if (azp instanceof String party) {
            return party;
        }
        return hint.getAudience().size() == 1 ? hint.getAudience().get(0) : null;
    }

    /** RP-Initiated Logout §3: the registered URI, exactly, with {@code state} added; null when none asked for. */
    private static String location(EndSessionRequest request, RegisteredClient client) {
        String uri = request.postLogoutRedirectUri();
        if (uri == null) {
            return null;
        }
        if (client == null) {
            throw EndSessionRequest.invalid("post_logout_redirect_uri needs client_id or id_token_hint");
        }
        if (!client.metadata().postLogoutRedirectUris().contains(uri)) {
            throw new ErrorPageException(400, "invalid_redirect_uri",
                    "post_logout_redirect_uri is not registered for the client");
        }
        if (request.state() == null) {
            return uri;
        }
        return uri + (uri.contains("?") ? "&" : "?") + "state=" + URLEncoder.encode(request.state(),
                StandardCharsets.UTF_8);
    }

    private static boolean namesSession(JWTClaimsSet hint, SsoSession session) {
        return session.id().equals(hint.getClaim("sid")) && session.userId().toString().equals(hint.getSubject());
    }

    private static LogoutStep done(String location, String clientName) {
        return location != null ? new LogoutStep.Redirect(location) : new LogoutStep.SignedOut(clientName);
    }
}

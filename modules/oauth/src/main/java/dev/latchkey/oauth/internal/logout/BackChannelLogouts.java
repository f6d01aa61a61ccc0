package dev.latchkey.oauth.internal.logout;

import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.session.events.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * OpenID Connect Back-Channel Logout: when a session ends, each client bound to it (it got a code
 * or tokens in it) that registered a {@code backchannel_logout_uri} gets a logout token, posted by
 * {@link BackChannelLogoutSender} without making the logout wait. A token that cannot be delivered
 * after the retries is recorded ({@link LogoutFailureLog}): a row admins can list, an event,
 * a metric. Clients deleted since, or without the URI, are skipped.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#BCSupport">Back-Channel Logout §2</a>
 */
@ApplicationScoped
public class BackChannelLogouts {

    private static final Logger LOG = Logger.getLogger(BackChannelLogouts.class.getName());

    private ClientLookup clients;
    private LogoutTokens tokens;
    private BackChannelLogoutSender sender;
    private LogoutFailureLog failures;
    private Clock clock;

    @Inject
    public BackChannelLogouts(ClientLookup clients, LogoutTokens tokens, BackChannelLogoutSender sender,
                              LogoutFailureLog failures) {
        this(clients, tokens, sender, failures, Clock.systemUTC());
    }

    public BackChannelLogouts(ClientLookup clients, LogoutTokens tokens, BackChannelLogoutSender sender,
                              LogoutFailureLog failures, Clock clock) {
        this.clients = clients;
        this.tokens = tokens;
        this.sender = sender;
        this.failures = failures;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected BackChannelLogouts() {
    }

    /** Whatever ended the session (logout, admin, expiry, a new login), its clients are told. */
    void onSessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded event) {
        notifyClients(event.sessionId(), event.userId(), event.clientIds());
    }

    /** Tells every client of {@code clientIds} with a back-channel logout URI that the session ended. */
    public void notifyClients(String sessionId, UUID userId, Set<String> clientIds) {
        Instant now = clock.instant();
        for (String clientId : clientIds) {
            try {
                clients.find(clientId).filter(client -> client.metadata().backchannelLogoutUri() != null)
                        .ifPresent(client -> send(client, sessionId, userId, now));
            } catch (RuntimeException e) {
                // the session has ended already: a client that cannot be told must not fail the logout
                LOG.log(Level.WARNING, "Back-channel logout of session " + sessionId + " to client " + clientId
                        + " could not be started", e);
            }
        }
    }

    private void send(RegisteredClient client, String sessionId, UUID userId, Instant now) {
        String uri = client.metadata().backchannelLogoutUri();
        String token = tokens.mint(client, userId, sessionId, now);
        sender.send(URI.create(uri), token).whenComplete((delivered, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warning(() -> "Back-channel logout of session " + sessionId + " to client " + client.clientId()
                        + " failed: " + cause);
                failures.record(new BackChannelLogoutFailure(client.clientId(), sessionId, userId, uri,
                        reason(cause), clock.instant()));
            }
        });
    }

    /** What an admin reads: the adapter's reason, or the kind of fault-tolerance refusal (timeout, open circuit). */
    private static String reason(Throwable cause) {
        if (cause instanceof BackChannelLogoutException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}

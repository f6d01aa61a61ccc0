package dev.latchkey.oauth.internal.logout;

import dev.latchkey.oauth.events.BackChannelLogoutFailed;
import dev.latchkey.oauth.events.ClientChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Records undelivered logout tokens ({@link BackChannelLogoutFailures}) and publishes
 * {@link BackChannelLogoutFailed} in the same transaction; lists a client's failures for admins;
 * forgets those of a deleted client.
 */
@ApplicationScoped
public class LogoutFailureLog {

    /** The most failures listed per client. */
    public static final int LISTED = 100;

    private BackChannelLogoutFailures failures;
    private Event<BackChannelLogoutFailed> failed;

    @Inject
    public LogoutFailureLog(BackChannelLogoutFailures failures, Event<BackChannelLogoutFailed> failed) {
        this.failures = failures;
        this.failed = failed;
    }

    /** For CDI's client proxy only. */
    protected LogoutFailureLog() {
    }

    @Transactional
    public void record(BackChannelLogoutFailure failure) {
        String reason = failure.reason().length() > BackChannelLogoutFailures.MAX_REASON
                ? failure.reason().substring(0, BackChannelLogoutFailures.MAX_REASON) : failure.reason();
        failures.add(new BackChannelLogoutFailure(failure.clientId(), failure.sessionId(), failure.userId(),
                failure.logoutUri(), reason, failure.failedAt()));
        failed.fire(BackChannelLogoutFailed.now(failure.clientId(), failure.sessionId(), reason));
    }

    /** The client's failures, newest first, at most {@link #LISTED}. */
    @Transactional
    public List<BackChannelLogoutFailure> ofClient(String clientId) {
        return failures.ofClient(clientId, LISTED);
    }

    @Transactional
    void onClientChanged(@Observes ClientChanged event) {
        if (event.change() == ClientChanged.Change.DELETED) {
            failures.deleteClient(event.clientId());
        }
    }
}

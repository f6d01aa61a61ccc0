package dev.latchkey.oauth.internal.token;

import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.session.events.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Revokes refresh tokens when what they stand for ends: a deleted client (in the deleting
 * transaction), an ended session (except {@code offline_access} tokens, OIDC Core §11), a
 * disabled user; a deleted user's tokens are deleted.
 */
@ApplicationScoped
public class RefreshTokenRevocations {

    private RefreshTokens tokens;
    private Clock clock;

    @Inject
    public RefreshTokenRevocations(RefreshTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    public RefreshTokenRevocations(RefreshTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected RefreshTokenRevocations() {
    }

    /** Runs in the transaction that deletes the client, so both happen or neither. */
    @Transactional
    void onClientChanged(@Observes ClientChanged event) {
        if (event.change() == ClientChanged.Change.DELETED) {
            tokens.revokeClient(event.clientId(), clock.instant());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onSessionEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionEnded event) {
        tokens.revokeSession(event.sessionId(), clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onUserDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDisabled event) {
        tokens.revokeUser(event.userId(), clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted event) {
        tokens.deleteUser(event.userId());
    }
}

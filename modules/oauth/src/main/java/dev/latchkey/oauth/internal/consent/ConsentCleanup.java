package dev.latchkey.oauth.internal.consent;

import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.oauth.events.ClientChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Deletes the consents of a deleted user, and those given to a deleted client (in the deleting transaction). */
@ApplicationScoped
public class ConsentCleanup {

    private Consents consents;

    @Inject
    public ConsentCleanup(Consents consents) {
        this.consents = consents;
    }

    /** For CDI's client proxy only. */
    protected ConsentCleanup() {
    }

    @Transactional
    void onClientChanged(@Observes ClientChanged event) {
        if (event.change() == ClientChanged.Change.DELETED) {
            consents.deleteClient(event.clientId());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted event) {
        consents.deleteUser(event.userId());
    }
}

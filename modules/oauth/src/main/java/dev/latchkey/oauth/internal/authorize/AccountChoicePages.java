package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.api.AccountChoicePrompt;
import dev.latchkey.oauth.api.AccountChoices;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.session.api.SsoSession;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@link AccountChoices}: the offers of {@link AccountSelections}, shown only to the browser whose
 * session they were made for (another user sees the same error page as for an unknown id).
 */
@ApplicationScoped
public class AccountChoicePages implements AccountChoices {

    static final String EXPIRED = "account_choice_expired";

    private AccountSelections selections;
    private SsoSessions sessions;
    private UserDirectory users;
    private ClientLookup clients;

    @Inject
    public AccountChoicePages(EphemeralStore store, SsoSessions sessions, UserDirectory users, ClientLookup clients) {
        this.selections = new AccountSelections(store);
        this.sessions = sessions;
        this.users = users;
        this.clients = clients;
    }

    /** For CDI's client proxy only. */
    protected AccountChoicePages() {
    }

    @Override
    public AccountChoicePrompt prompt(String requestId, String sessionCookie) {
        AccountChoice choice = selections.find(requestId)
                .orElseThrow(() -> new ErrorPageException(400, EXPIRED, "no account choice of this id"));
        SsoSession session = sessions.resolve(sessionCookie)
                .filter(current -> current.id().equals(choice.sessionId()))
                .orElseThrow(() -> new ErrorPageException(400, EXPIRED, "the account choice belongs to another session"));
        String username = users.findById(session.userId()).map(UserView::username).orElse("");
        Optional<RegisteredClient> client = clients.find(choice.clientId());
        return new AccountChoicePrompt(username, client.map(RegisteredClient::name).orElse(choice.clientId()),
                choice.continueLocation(), choice.anotherAccountLocation());
    }
}

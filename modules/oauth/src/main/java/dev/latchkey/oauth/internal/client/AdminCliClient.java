package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes the built-in first-party public client {@code latchkey-admin-cli} at start-up when it is
 * absent, so an operator gets an admin token with one {@code curl} (password grant), as with
 * Keycloak's {@code admin-cli}. {@code latchkey.oauth.admin-cli.enabled=false} turns it off; an
 * existing client is never changed, so an operator's edits stay.
 */
@ApplicationScoped
public class AdminCliClient {

    public static final String CLIENT_ID = "latchkey-admin-cli";
    private static final Logger LOG = Logger.getLogger(AdminCliClient.class.getName());

    private ClientService clients;
    private OAuthSettings settings;

    @Inject
    public AdminCliClient(ClientService clients, OAuthSettings settings) {
        this.clients = clients;
        this.settings = settings;
    }

    /** For CDI's client proxy only. */
    protected AdminCliClient() {
    }

    void onStart(@Observes ServerStarting starting) {
        ensurePresent();
    }

    /** Creates the client when enabled and absent; true when it did. */
    public boolean ensurePresent() {
        if (!settings.adminCliEnabled() || clients.find(CLIENT_ID).isPresent()) {
            return false;
        }
        try {
            clients.create(definition());
        } catch (RuntimeException e) {
            // another node starting at the same time made it first
            if (clients.find(CLIENT_ID).isPresent()) {
                return false;
            }
            throw e;
        }
        LOG.info(() -> "Created the built-in client " + CLIENT_ID);
        return true;
    }

    static ClientDefinition definition() {
        return new ClientDefinition(CLIENT_ID, "Latchkey admin CLI", ClientType.PUBLIC, null, List.of(),
                Set.of(ClientValidator.PASSWORD, ClientValidator.REFRESH_TOKEN), Set.of("openid", "profile", "email"),
                true);
    }
}

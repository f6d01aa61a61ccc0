package dev.latchkey.server.startup;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientRegistry;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import dev.latchkey.oauth.api.ResourceServerRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies {@code LATCHKEY_IMPORT} at start-up: upserts resource servers by identifier, clients by
 * client id and users by username, all in one transaction, so a bad file changes nothing and a second run changes
 * nothing more.
 */
@ApplicationScoped
class DeclarativeImport {

    private static final Logger LOG = Logger.getLogger(DeclarativeImport.class.getName());

    @Inject
    @ConfigProperty(name = "latchkey.import")
    Optional<String> importFile;

    @Inject
    UserDirectory users;

    @Inject
    ClientRegistry clients;

    @Inject
    ResourceServerRegistry resourceServers;

    @Transactional
    void applyIfConfigured() {
        if (importFile.filter(value -> !value.isBlank()).isEmpty()) {
            return;
        }
        Path file = Path.of(importFile.get().trim());
        ImportFile content = ImportFile.read(file);
        for (ResourceServerDefinition resourceServer : content.resourceServers()) {
            resourceServers.upsert(resourceServer);
        }
        for (NewUser user : content.users()) {
            users.upsert(user);
        }
        for (ClientDefinition client : content.clients()) {
            clients.upsert(client);
        }
        LOG.info(() -> "Imported " + content.users().size() + " users, " + content.clients().size()
                + " clients and " + content.resourceServers().size() + " resource servers from " + file);
    }
}

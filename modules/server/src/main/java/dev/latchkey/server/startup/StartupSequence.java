package dev.latchkey.server.startup;

import dev.latchkey.kernel.api.ServerStarting;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What happens once, before the first request: migrate the schema, let every module make what
 * must exist ({@link ServerStarting}), then apply the declarative import if one is configured.
 */
@ApplicationScoped
class StartupSequence {

    private static final Logger LOG = Logger.getLogger(StartupSequence.class.getName());

    @Resource(lookup = "jdbc/latchkey")
    DataSource dataSource;

    @Inject
    Event<ServerStarting> starting;

    @Inject
    DeclarativeImport declarativeImport;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object context) {
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        starting.fire(new ServerStarting());
        declarativeImport.applyIfConfigured();
        LOG.info(() -> "Latchkey ready in " + (System.nanoTime() - started) / 1_000_000 + " ms after deployment");
    }
}

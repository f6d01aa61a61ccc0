package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.EphemeralStores;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;

/** Chooses the store: Redis when {@code LATCHKEY_REDIS_URL} is set, the JVM's memory otherwise. */
@ApplicationScoped
class EphemeralStoreProducer {

    private static final Logger LOG = Logger.getLogger(EphemeralStoreProducer.class.getName());

    private final EphemeralStore store;
    private final RedisClient redis;

    @Inject
    EphemeralStoreProducer(@org.eclipse.microprofile.config.inject.ConfigProperty(name = "latchkey.redis.url")
                           Optional<String> redisUrl) {
        if (redisUrl.filter(url -> !url.isBlank()).isPresent()) {
            this.redis = RedisClient.create(URI.create(redisUrl.get().trim()));
            this.store = new RedisEphemeralStore(redis);
            LOG.info("Ephemeral store: Redis");
        } else {
            this.redis = null;
            this.store = EphemeralStores.inProcess(Clock.systemUTC());
            LOG.info("Ephemeral store: in-process (set LATCHKEY_REDIS_URL to share it between nodes)");
        }
    }

    /** For CDI's client proxy only. */
    EphemeralStoreProducer() {
        this.store = null;
        this.redis = null;
    }

    @Produces
    @ApplicationScoped
    EphemeralStore ephemeralStore() {
        return store;
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }
}

package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.UnifiedJedis;

/**
 * Chooses the store: Redis when {@code LATCHKEY_REDIS_URL} is set, the JVM's memory otherwise.
 * Making the Redis client opens no connection, so the server starts while Redis is away (and is
 * not ready until it answers).
 * The in-process store is swept of expired entries every minute (Redis expires keys itself).
 */
@ApplicationScoped
class EphemeralStoreProducer {

    private static final Logger LOG = Logger.getLogger(EphemeralStoreProducer.class.getName());

    private static final long SWEEP_PERIOD_SECONDS = 60;

    private final EphemeralStore store;
    private final UnifiedJedis redis;

    /** Liberty's managed scheduled executor ({@code concurrent-3.0}), typed by the interface it extends. */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService executor;

    private ScheduledFuture<?> sweep;

    @Inject
    EphemeralStoreProducer(@ConfigProperty(name = "latchkey.redis.url") Optional<String> redisUrl,
                           @ConfigProperty(name = "latchkey.redis.pool-max") int poolMax,
                           @ConfigProperty(name = "latchkey.redis.timeout") Duration timeout) {
        if (redisUrl.filter(url -> !url.isBlank()).isPresent()) {
            RedisSettings settings = new RedisSettings(URI.create(redisUrl.get().trim()), poolMax, timeout);
            this.redis = RedisClients.pooled(settings);
            this.store = new RedisEphemeralStore(redis);
            LOG.info(() -> "Ephemeral store: Redis at " + settings.describe()
                    + ", at most " + poolMax + " connections, timeout " + timeout);
        } else {
            this.redis = null;
            this.store = new InProcessEphemeralStore(Clock.systemUTC());
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

    @PostConstruct
    void scheduleSweep() {
        if (store instanceof InProcessEphemeralStore inProcess) {
            sweep = executor.scheduleWithFixedDelay(inProcess::sweep, SWEEP_PERIOD_SECONDS, SWEEP_PERIOD_SECONDS,
                    TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void close() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (redis != null) {
            redis.close();
        }
    }
}

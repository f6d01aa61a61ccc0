package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.api.ServerStarting;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@link ClusterBroadcast}: fires each message here at once and, when
 * {@code LATCHKEY_REDIS_URL} is set, publishes it to the other nodes through a
 * {@link RedisBroadcastChannel}, whose subscriber runs from start-up to shutdown on a thread of
 * Liberty's {@code ManagedThreadFactory}.
 */
@ApplicationScoped
class ClusterBroadcaster implements ClusterBroadcast {

    private static final Logger LOG = Logger.getLogger(ClusterBroadcaster.class.getName());

    /**
     * Liberty's default ManagedThreadFactory and ManagedScheduledExecutorService, typed by the
     * interfaces they extend: the concurrency API jar is no named module the module-info could require.
     */
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ThreadFactory threads;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService scheduler;

    private Optional<RedisSettings> redis;
    private Event<ClusterMessage> messages;
    private Event<ClusterMessagesMissed> missed;
    private volatile RedisBroadcastChannel channel;

    @Inject
    ClusterBroadcaster(@ConfigProperty(name = "latchkey.redis.url") Optional<String> redisUrl,
                       @ConfigProperty(name = "latchkey.redis.pool-max") int poolMax,
                       @ConfigProperty(name = "latchkey.redis.timeout") Duration timeout,
                       Event<ClusterMessage> messages, Event<ClusterMessagesMissed> missed) {
        this.redis = redisUrl.map(String::trim).filter(url -> !url.isEmpty())
                .map(url -> new RedisSettings(URI.create(url), poolMax, timeout));
        this.messages = messages;
        this.missed = missed;
    }

    /** For CDI's client proxy only. */
    ClusterBroadcaster() {
    }

    void onStart(@Observes ServerStarting starting) {
        if (redis.isEmpty()) {
            LOG.info("Cluster broadcast: this node only (set LATCHKEY_REDIS_URL to run several nodes)");
            return;
        }
        channel = RedisBroadcastChannel.open(redis.get(), threads, scheduler, this::deliver, this::onMissed);
        LOG.info("Cluster broadcast: Redis pub/sub");
    }

    @Override
    public void publish(String topic, String payload) {
        messages.fire(new ClusterMessage(topic, payload, true));
        RedisBroadcastChannel current = channel;
        if (current != null) {
            current.publish(topic, payload);
        }
    }

    /** Fires another node's message here; an observer's failure must not end the subscription. */
    private void deliver(ClusterMessage message) {
        try {
            messages.fire(message);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of the broadcast " + message.topic() + " failed", e);
        }
    }

    private void onMissed() {
        try {
            missed.fire(ClusterMessagesMissed.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of missed broadcasts failed", e);
        }
    }

    @PreDestroy
    void stop() {
        RedisBroadcastChannel current = channel;
        if (current != null) {
            current.close();
        }
    }
}

package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.ClusterMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * The nodes' Redis channel {@value #CHANNEL}: publishes this node's messages and, on one
 * subscriber thread, hands the other nodes' messages to a consumer. A message travels as
 * {@code <node id>\n<topic>\n<payload>}, so a node skips its own.
 *
 * <p>Connections are made as the ephemeral store's ({@link RedisClients}: credentials, database
 * and TLS from the URL); publishing has a pool of its own ({@value #PUBLISH_CONNECTIONS}
 * connections), so a store under load does not delay a broadcast. The subscriber holds its own
 * connection (a subscribed connection can do nothing else), made to the master Redis Sentinel
 * names at each subscription (so after a failover it follows the new master), or in a Redis
 * Cluster to one of its nodes (a {@code PUBLISH} reaches the subscribers of every node; after a
 * failure the subscriber tries the URL's next node), pings
 * Redis every {@link #PING_INTERVAL} so a silently dropped connection times out after
 * {@link #READ_TIMEOUT}, and after a failure subscribes again with a backoff from
 * {@link #FIRST_RETRY} doubling to {@link #LAST_RETRY}; once back it runs the {@code missed}
 * callback, since messages of the interval are lost. {@link #close} ends it.
 */
final class RedisBroadcastChannel implements AutoCloseable {

    static final String CHANNEL = "latchkey:broadcast";
    static final Duration PING_INTERVAL = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final int PUBLISH_CONNECTIONS = 2;
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(RedisBroadcastChannel.class.getName());

    private final String node = UUID.randomUUID().toString();
    private final RedisSettings settings;
    private final UnifiedJedis publisher;
    private final Consumer<ClusterMessage> deliver;
    private final Runnable missed;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final Thread thread;
    private final ScheduledFuture<?> pings;
    private volatile Subscriber subscriber;
    private volatile Jedis connection;

    private RedisBroadcastChannel(RedisSettings settings, ThreadFactory threads, ScheduledExecutorService scheduler,
                                  Consumer<ClusterMessage> deliver, Runnable missed) {
        this.settings = settings;
        this.publisher = RedisClients.pooled(new RedisSettings(settings.url(), PUBLISH_CONNECTIONS, settings.timeout()));
        this.deliver = deliver;
        this.missed = missed;
        this.thread = threads.newThread(this::subscribeUntilClosed);
        thread.setName("latchkey-broadcast-subscriber");
        thread.start();
        this.pings = scheduler.scheduleWithFixedDelay(this::ping, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Starts the subscriber thread, which connects to the Redis of {@code settings}. */
    static RedisBroadcastChannel open(RedisSettings settings, ThreadFactory threads, ScheduledExecutorService scheduler,
                                      Consumer<ClusterMessage> deliver, Runnable missed) {
        return new RedisBroadcastChannel(settings, threads, scheduler, deliver, missed);
    }

    /** Publishes to the other nodes; a Redis failure is logged, never thrown. */
    void publish(String topic, String payload) {
        try {
            publisher.publish(CHANNEL, node + "\n" + topic + "\n" + payload);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Cannot broadcast " + topic + " to the other nodes; they see the change when their"
                    + " caches expire: " + e);
        }
    }

    /** The name of the subscriber's connection in Redis ({@code CLIENT LIST}): {@code latchkey-broadcast-<node id>}. */
    String clientName() {
        return "latchkey-broadcast-" + node;
    }

    /** Waits until the subscriber has subscribed once; false after {@code timeout}. */
    boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return subscribed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void subscribeUntilClosed() {
        Duration retry = FIRST_RETRY;
        boolean interrupted = false;
        int failures = 0;
        while (closed.getCount() > 0) {
            Subscriber current = new Subscriber(interrupted);
            try (Jedis jedis = new Jedis(RedisClients.subscriberAddress(settings, failures),
                    RedisClients.clientConfig(settings, READ_TIMEOUT, clientName()))) {
                connection = jedis;
                subscriber = current;
                jedis.subscribe(current, CHANNEL);
            } catch (RuntimeException e) {
                if (closed.getCount() == 0) {
                    break;
                }
                if (current.wasSubscribed) {
                    retry = FIRST_RETRY;
                }
                // the first failure of an outage is a warning with its cause; the retries that follow are not news
                LOG.log(interrupted && !current.wasSubscribed ? Level.FINE : Level.WARNING,
                        "The broadcast subscription to Redis failed; subscribing again in " + retry, e);
                interrupted = true;
                failures++;
                if (awaitClosed(retry)) {
                    break;
                }
                retry = min(retry.multipliedBy(2), LAST_RETRY);
            } finally {
                subscriber = null;
                connection = null;
            }
        }
    }

    private boolean awaitClosed(Duration wait) {
        try {
            return closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private void ping() {
        Subscriber current = subscriber;
        try {
            if (current != null && current.isSubscribed()) {
                current.ping();
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "The broadcast ping failed; the subscriber reconnects: " + e);
        }
    }

    /** Stops the subscriber thread and closes both connections. */
    @Override
    public void close() {
        closed.countDown();
        pings.cancel(false);
        Subscriber current = subscriber;
        try {
            if (current != null && current.isSubscribed()) {
                current.unsubscribe();
            }
        } catch (RuntimeException e) {
            LOG.fine(() -> "Unsubscribing from the broadcast failed: " + e);
        }
        Jedis open = connection;
        if (open != null) {
            open.close();
        }
        try {
            thread.join(READ_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }

    private final class Subscriber extends JedisPubSub {

        private final boolean afterFailure;
        private volatile boolean wasSubscribed;

        Subscriber(boolean afterFailure) {
            this.afterFailure = afterFailure;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            wasSubscribed = true;
            subscribed.countDown();
            LOG.info(() -> "Subscribed to the broadcast channel " + CHANNEL + " as " + clientName());
            if (afterFailure) {
                LOG.info("The broadcast subscription to Redis is back; caches forget what they hold");
                missed.run();
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            String[] parts = message.split("\n", 3);
            if (parts.length != 3 || parts[0].equals(node)) {
                return;
            }
            try {
                deliver.accept(new ClusterMessage(parts[1], parts[2], false));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "Ignored a malformed broadcast message: " + e.getMessage());
            }
        }
    }
}

package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.testing.RedisServerProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;


/** Two channels as two nodes, on the real Redis of the test machine (127.0.0.1:6379). */
class RedisBroadcastChannelTest {

    private static final URI REDIS = URI.create(System.getProperty("latchkey.test.redis-url", "redis://127.0.0.1:6379"));
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<ClusterMessage> receivedByA = new LinkedBlockingQueue<>();
    private final BlockingQueue<ClusterMessage> receivedByB = new LinkedBlockingQueue<>();
    private final CountDownLatch missedByB = new CountDownLatch(1);
    private RedisBroadcastChannel nodeA;
    private RedisBroadcastChannel nodeB;

    @BeforeEach
    void open() throws InterruptedException {
        nodeA = open(REDIS, receivedByA, () -> { });
        nodeB = open(REDIS, receivedByB, missedByB::countDown);
        assertTrue(nodeA.awaitSubscribed(DEADLINE));
        assertTrue(nodeB.awaitSubscribed(DEADLINE));
    }

    private RedisBroadcastChannel open(URI redis, BlockingQueue<ClusterMessage> received, Runnable missed) {
        return RedisBroadcastChannel.open(new RedisSettings(redis, 4, TIMEOUT), Executors.defaultThreadFactory(),
                scheduler, received::add, missed);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
        scheduler.shutdownNow();
    }

    private static ClusterMessage next(BlockingQueue<ClusterMessage> queue) throws InterruptedException {
        return queue.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void publishThenOtherNodeReceivesItAndThePublisherDoesNot() throws InterruptedException {
        nodeA.publish("test.changed", "client-1\nwith a line break");
        assertEquals(new ClusterMessage("test.changed", "client-1\nwith a line break", false), next(receivedByB));
        nodeB.publish("test.changed", "from-b");
        // A's own message never came back to A: the first A receives is B's
        assertEquals(new ClusterMessage("test.changed", "from-b", false), next(receivedByA));
        assertNull(receivedByB.poll());
    }

    @Test
    void malformedMessageOnTheChannelThenIgnoredAndSubscriptionKept() throws InterruptedException {
        try (Jedis redis = new Jedis(REDIS)) {
            redis.publish(RedisBroadcastChannel.CHANNEL, "no separators");
            redis.publish(RedisBroadcastChannel.CHANNEL, "someone\nNOT A TOPIC\npayload");
        }
        nodeA.publish("test.changed", "after-garbage");
        assertEquals(new ClusterMessage("test.changed", "after-garbage", false), next(receivedByB));
    }

    @Test
    void subscriptionKilledThenResubscribedAndMissedReported() throws InterruptedException {
        try (Jedis redis = new Jedis(REDIS)) {
            String id = Arrays.stream(redis.clientList().split("\n"))
                    .filter(line -> line.contains("name=" + nodeB.clientName() + " "))
                    .map(line -> line.split(" ")[0].substring("id=".length()))
                    .findFirst().orElseThrow();
            // drops B's subscription, as a Redis restart or a network failure would
            redis.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", id);
        }
        assertTrue(missedByB.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "B reports what it may have missed");
        assertEquals(new ClusterMessage("test.changed", "after-reconnect", false),
                publishUntilReceived(nodeA, receivedByB, "after-reconnect"));
    }

    @Test
    void redisRestartedThenBothNodesResubscribeAfterTheirBackoff() throws InterruptedException {
        try (RedisServerProcess server = new RedisServerProcess(RedisServerProcess.freePort())) {
            server.start();
            BlockingQueue<ClusterMessage> received = new LinkedBlockingQueue<>();
            CountDownLatch missed = new CountDownLatch(1);
            try (RedisBroadcastChannel publishing = open(URI.create(server.url()), new LinkedBlockingQueue<>(), () -> { });
                 RedisBroadcastChannel receiving = open(URI.create(server.url()), received, missed::countDown)) {
                assertTrue(publishing.awaitSubscribed(DEADLINE) && receiving.awaitSubscribed(DEADLINE));
                server.stop();
                publishing.publish("test.changed", "while-redis-is-away");
                server.start();

                assertTrue(missed.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
                assertEquals(new ClusterMessage("test.changed", "after-restart", false),
                        publishUntilReceived(publishing, received, "after-restart"));
            }
        }
    }

    /** Publishes until the receiver, which may still be subscribing again, has the message. */
    private static ClusterMessage publishUntilReceived(RedisBroadcastChannel publisher,
                                                       BlockingQueue<ClusterMessage> receiver, String payload)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(DEADLINE);
        ClusterMessage received = null;
        while (received == null && Instant.now().isBefore(deadline)) {
            publisher.publish("test.changed", payload);
            received = receiver.poll(100, TimeUnit.MILLISECONDS);
        }
        return received;
    }
}

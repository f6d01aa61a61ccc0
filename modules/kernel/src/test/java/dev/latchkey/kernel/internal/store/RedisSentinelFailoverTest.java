package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.testing.RedisServerProcess;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A failover under a running client: a primary, its replica and one sentinel (quorum 1) that
 * this test starts; the primary stops, the sentinel promotes the replica, and the same store and
 * broadcast channels go on with it, with no restart.
 */
class RedisSentinelFailoverTest {

    private static final String MASTER = "latchkey-failover";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void afterAFailoverTheStoreAndTheBroadcastFollowThePromotedReplica() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<ClusterMessage> receivedByB = new LinkedBlockingQueue<>();
        CountDownLatch missedByB = new CountDownLatch(1);
        int primaryPort = RedisServerProcess.freePort();
        try (RedisServerProcess primary = new RedisServerProcess(primaryPort);
             RedisServerProcess replica = new RedisServerProcess(RedisServerProcess.freePort(),
                     "--replicaof", "127.0.0.1", Integer.toString(primaryPort));
             RedisServerProcess sentinel = RedisServerProcess.sentinel(RedisServerProcess.freePort(), MASTER, primaryPort, 1000)) {
            primary.start();
            replica.start();
            await("the replica is in sync", () -> info(primary.port()).contains("connected_slaves:1"));
            sentinel.start();
            await("the sentinel knows the replica", () -> {
                try (Jedis jedis = new Jedis("127.0.0.1", sentinel.port())) {
                    return !jedis.sentinelReplicas(MASTER).isEmpty();
                }
            });
            RedisSettings settings = new RedisSettings(
                    URI.create("redis-sentinel://127.0.0.1:" + sentinel.port() + "#" + MASTER), 4, Duration.ofSeconds(1));
            try (UnifiedJedis redis = RedisClients.pooled(settings);
                 RedisBroadcastChannel nodeA = RedisBroadcastChannel.open(settings, Executors.defaultThreadFactory(),
                         scheduler, message -> { }, () -> { });
                 RedisBroadcastChannel nodeB = RedisBroadcastChannel.open(settings, Executors.defaultThreadFactory(),
                         scheduler, receivedByB::add, missedByB::countDown)) {
                RedisEphemeralStore store = new RedisEphemeralStore(redis);
                assertTrue(nodeA.awaitSubscribed(DEADLINE));
                assertTrue(nodeB.awaitSubscribed(DEADLINE));

                primary.stop();
                // until the sentinel has promoted the replica the store is unavailable, never anything else
                await("the store writes to the promoted replica", () -> {
                    try {
                        store.put("after", "2", Duration.ofMinutes(5));
                        return true;
                    } catch (EphemeralStoreUnavailableException e) {
                        return false;
                    }
                });
                assertEquals(new HostAndPort("127.0.0.1", replica.port()), RedisClients.masterAddress(settings));
                assertEquals(Optional.of("2"), store.take("after"));

                assertTrue(missedByB.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "B resubscribed after the failover");
                // A's publishing pool learns of the new primary from the sentinel on its own: publish until B hears
                ClusterMessage received = null;
                Instant end = Instant.now().plus(DEADLINE);
                while (received == null && Instant.now().isBefore(end)) {
                    nodeA.publish("test.changed", "after-failover");
                    received = receivedByB.poll(100, TimeUnit.MILLISECONDS);
                }
                assertEquals(new ClusterMessage("test.changed", "after-failover", false), received);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static String info(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return jedis.info("replication");
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail("not within " + DEADLINE + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}

package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.testing.RedisServerProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * The store and the broadcast through a {@code redis-cluster://} URL, against a Redis Cluster of
 * three nodes that this test starts.
 */
class RedisClusterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final int KEYS = 60;

    private static final List<RedisServerProcess> NODES = new ArrayList<>();
    private static Path directory;

    @BeforeAll
    static void start() throws IOException {
        directory = Files.createTempDirectory("latchkey-cluster-");
        for (int i = 0; i < 3; i++) {
            RedisServerProcess node = RedisServerProcess.clusterNode(RedisServerProcess.freePort(), directory);
            NODES.add(node);
            node.start();
        }
        RedisServerProcess.createCluster(NODES);
    }

    @AfterAll
    static void stop() throws IOException {
        NODES.forEach(RedisServerProcess::close);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    private static RedisSettings settings(String url) {
        return new RedisSettings(URI.create(url), 4, TIMEOUT);
    }

    private static String clusterUrl() {
        // one node is enough for the client to learn the others
        return "redis-cluster://127.0.0.1:" + NODES.get(1).port();
    }

    @Test
    void settingsTakeTheNodesCredentialsAndTls() {
        RedisSettings settings = settings("rediss-cluster://latchkey:s%40cret@node-1:7000,node-2");
        assertEquals(List.of(new HostAndPort("node-1", 7000), new HostAndPort("node-2", RedisSettings.DEFAULT_PORT)),
                List.copyOf(settings.cluster().orElseThrow().nodes()));
        assertEquals("latchkey", settings.user());
        assertEquals("s@cret", settings.password());
        assertEquals(Optional.empty(), settings.database());
        assertTrue(settings.tls());
        assertEquals(Optional.empty(), settings.sentinel());
        assertEquals(new HostAndPort("node-1", 7000), settings.firstAddress());
        assertEquals("the cluster of node-1:7000,node-2:6379 (TLS)", settings.describe());

        RedisSettings plain = settings("redis-cluster://node-1:7000");
        assertFalse(plain.tls());
        assertEquals(null, plain.user());
        assertEquals(Optional.empty(), settings("redis://127.0.0.1:6379").cluster());
    }

    @Test
    void settingsRefuseAClusterUrlWithADatabaseAMasterNameOrABadPort() {
        assertThrows(IllegalArgumentException.class, () -> settings("redis-cluster://node-1:7000/2"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-cluster://node-1:7000#mymaster"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-cluster://node-1:port"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-cluster://:7000"));
    }

    @Test
    void theStoreSpreadsItsKeysOverTheNodesAndEveryOperationWorks() {
        try (UnifiedJedis redis = RedisClients.pooled(settings(clusterUrl()))) {
            RedisEphemeralStore store = new RedisEphemeralStore(redis);
            assertTrue(store.isAvailable());
            for (int i = 0; i < KEYS; i++) {
                String key = "cluster-" + i;
                store.put(key, "v" + i, Duration.ofMinutes(1));
                assertEquals(Optional.of("v" + i), store.get(key));
                assertTrue(store.putIfAbsent("once-" + i, "a", Duration.ofMinutes(1)));
                assertFalse(store.putIfAbsent("once-" + i, "b", Duration.ofMinutes(1)));
                store.addToSet("set-" + i, "x", Duration.ofMinutes(1));
                store.addToSet("set-" + i, "y", Duration.ofMinutes(1));
                assertEquals(Set.of("x", "y"), store.members("set-" + i));
                assertTrue(store.removeFromSet("set-" + i, "x"));
                assertFalse(store.removeFromSet("set-" + i, "x"));
                assertEquals(Set.of("y"), store.members("set-" + i));
                assertEquals(Optional.of("v" + i), store.take(key));
                assertEquals(Optional.empty(), store.get(key));
                store.delete("once-" + i);
            }
        }
        assertEquals(NODES.size(), nodesHoldingOneOf(), "the keys landed on every node");
    }

    /** How many nodes hold one of the sets the test left behind (each node knows only its own keys). */
    private static int nodesHoldingOneOf() {
        int holding = 0;
        for (RedisServerProcess node : NODES) {
            try (Jedis jedis = new Jedis("127.0.0.1", node.port())) {
                if (!jedis.keys("*set-*").isEmpty()) {
                    holding++;
                }
            }
        }
        return holding;
    }

    @Test
    void anUnreachableClusterMeansUnavailableAndTheClientIsMadeAnyway() {
        String nowhere = "redis-cluster://127.0.0.1:" + RedisServerProcess.freePort() + ",127.0.0.1:"
                + RedisServerProcess.freePort();
        try (UnifiedJedis redis = RedisClients.pooled(settings(nowhere))) {
            RedisEphemeralStore store = new RedisEphemeralStore(redis);
            assertFalse(store.isAvailable());
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.put("k", "v", Duration.ofMinutes(1)));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("k"));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.take("k"));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.addToSet("s", "m", Duration.ofMinutes(1)));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.members("s"));
        }
    }

    @Test
    void theBroadcastGoesBetweenTwoNodesSubscribedToDifferentClusterNodes() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<ClusterMessage> receivedByB = new LinkedBlockingQueue<>();
        // node A subscribes to the first cluster node, node B (the first in its URL nobody runs) to the third
        RedisSettings settingsA = settings("redis-cluster://127.0.0.1:" + NODES.get(0).port());
        RedisSettings settingsB = settings("redis-cluster://127.0.0.1:" + RedisServerProcess.freePort()
                + ",127.0.0.1:" + NODES.get(2).port());
        try (RedisBroadcastChannel nodeA = RedisBroadcastChannel.open(settingsA, Executors.defaultThreadFactory(), scheduler,
                     message -> { }, () -> { });
             RedisBroadcastChannel nodeB = RedisBroadcastChannel.open(settingsB, Executors.defaultThreadFactory(), scheduler,
                     receivedByB::add, () -> { })) {
            assertTrue(nodeA.awaitSubscribed(DEADLINE));
            assertTrue(nodeB.awaitSubscribed(DEADLINE));
            nodeA.publish("test.changed", "via-cluster");
            assertEquals(new ClusterMessage("test.changed", "via-cluster", false),
                    receivedByB.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theSubscriberTriesTheNextNodeAfterEachFailure() {
        RedisSettings settings = settings("redis-cluster://node-1:7000,node-2:7001");
        assertEquals(new HostAndPort("node-1", 7000), RedisClients.subscriberAddress(settings, 0));
        assertEquals(new HostAndPort("node-2", 7001), RedisClients.subscriberAddress(settings, 1));
        assertEquals(new HostAndPort("node-1", 7000), RedisClients.subscriberAddress(settings, 2));
    }
}

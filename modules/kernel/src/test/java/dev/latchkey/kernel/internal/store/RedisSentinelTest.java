package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.testing.RedisServerProcess;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * The store and the broadcast through a {@code redis-sentinel://} URL, against a Redis and a
 * Redis Sentinel watching it that this test starts.
 */
class RedisSentinelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final String MASTER = "latchkey-master";

    private static RedisServerProcess master;
    private static RedisServerProcess sentinel;

    @BeforeAll
    static void start() {
        master = new RedisServerProcess(RedisServerProcess.freePort(), "--requirepass", "master-secret");
        master.start();
        sentinel = RedisServerProcess.sentinel(RedisServerProcess.freePort(), MASTER, master.port(), 60_000,
                "sentinel auth-pass " + MASTER + " master-secret");
        sentinel.start();
    }

    @AfterAll
    static void stop() {
        sentinel.close();
        master.close();
    }

    private static RedisSettings settings(String url) {
        return new RedisSettings(URI.create(url), 4, TIMEOUT);
    }

    private static String sentinelUrl(String masterName) {
        // a sentinel nobody runs comes first: the client goes on to the next one
        return "redis-sentinel://:master-secret@127.0.0.1:" + RedisServerProcess.freePort()
                + ",127.0.0.1:" + sentinel.port() + "/2#" + masterName;
    }

    @Test
    void settingsTakeTheSentinelsTheMasterNameCredentialsDatabaseAndTls() {
        RedisSettings settings = settings("rediss-sentinel://latchkey:s%40cret@sentinel-1:26380,sentinel-2/3#mymaster");
        RedisSettings.Sentinel parsed = settings.sentinel().orElseThrow();
        assertEquals("mymaster", parsed.masterName());
        assertEquals(List.of(new HostAndPort("sentinel-1", 26380), new HostAndPort("sentinel-2", RedisSettings.SENTINEL_PORT)),
                List.copyOf(parsed.sentinels()));
        assertEquals("latchkey", settings.user());
        assertEquals("s@cret", settings.password());
        assertEquals(Optional.of(3), settings.database());
        assertTrue(settings.tls());
        assertEquals("master mymaster of the sentinels sentinel-1:26380,sentinel-2:26379 (TLS)", settings.describe());

        RedisSettings plain = settings("redis-sentinel://sentinel-1#mymaster");
        assertFalse(plain.tls());
        assertEquals(null, plain.password());
        assertEquals(Optional.empty(), plain.database());
        assertEquals(Optional.empty(), settings("redis://127.0.0.1:6379").sentinel());
    }

    @Test
    void settingsRefuseASentinelUrlWithoutMasterNameOrWithABadPort() {
        assertThrows(IllegalArgumentException.class, () -> settings("redis-sentinel://sentinel-1:26379"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-sentinel://sentinel-1:26379#"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-sentinel://sentinel-1:port#mymaster"));
        assertThrows(IllegalArgumentException.class, () -> settings("redis-sentinel://:26379#mymaster"));
    }

    @Test
    void theStoreReachesTheMasterTheSentinelNamesWithItsPasswordAndDatabase() {
        try (UnifiedJedis redis = RedisClients.pooled(settings(sentinelUrl(MASTER)))) {
            RedisEphemeralStore store = new RedisEphemeralStore(redis);
            assertTrue(store.isAvailable());
            store.put("sentinel", "1", Duration.ofMinutes(1));
            assertEquals(Optional.of("1"), store.get("sentinel"));
            assertTrue(store.putIfAbsent("once", "a", Duration.ofMinutes(1)));
            assertFalse(store.putIfAbsent("once", "b", Duration.ofMinutes(1)));
            assertEquals(Optional.of("1"), store.take("sentinel"));
            assertEquals(Optional.empty(), store.get("sentinel"));
            store.delete("once");
        }
        // the key went to database 2 of the master, which only the master's password opens
        try (UnifiedJedis direct = RedisClients.pooled(settings("redis://:master-secret@127.0.0.1:" + master.port() + "/2"))) {
            RedisEphemeralStore store = new RedisEphemeralStore(direct);
            store.put("direct", "2", Duration.ofMinutes(1));
        }
        try (UnifiedJedis redis = RedisClients.pooled(settings(sentinelUrl(MASTER)))) {
            assertEquals(Optional.of("2"), new RedisEphemeralStore(redis).take("direct"));
        }
    }

    @Test
    void aMasterNameTheSentinelsDoNotKnowMeansUnavailable() {
        try (UnifiedJedis redis = RedisClients.pooled(settings(sentinelUrl("no-such-master")))) {
            assertUnavailable(new RedisEphemeralStore(redis));
        }
    }

    @Test
    void noSentinelAnsweringMeansUnavailableAndTheClientIsMadeAnyway() {
        String nowhere = "redis-sentinel://127.0.0.1:" + RedisServerProcess.freePort() + ",127.0.0.1:"
                + RedisServerProcess.freePort() + "#" + MASTER;
        try (UnifiedJedis redis = RedisClients.pooled(settings(nowhere))) {
            assertUnavailable(new RedisEphemeralStore(redis));
        }
    }

    private static void assertUnavailable(RedisEphemeralStore store) {
        assertFalse(store.isAvailable());
        assertThrows(EphemeralStoreUnavailableException.class, () -> store.put("k", "v", Duration.ofMinutes(1)));
        assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("k"));
        assertThrows(EphemeralStoreUnavailableException.class, () -> store.take("k"));
        assertThrows(EphemeralStoreUnavailableException.class, () -> store.delete("k"));
    }

    @Test
    void theBroadcastGoesBetweenTwoNodesThroughTheMasterTheSentinelNames() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        BlockingQueue<ClusterMessage> receivedByB = new LinkedBlockingQueue<>();
        RedisSettings settings = settings(sentinelUrl(MASTER));
        try (RedisBroadcastChannel nodeA = RedisBroadcastChannel.open(settings, Executors.defaultThreadFactory(), scheduler,
                     message -> { }, () -> { });
             RedisBroadcastChannel nodeB = RedisBroadcastChannel.open(settings, Executors.defaultThreadFactory(), scheduler,
                     receivedByB::add, () -> { })) {
            assertTrue(nodeA.awaitSubscribed(DEADLINE));
            assertTrue(nodeB.awaitSubscribed(DEADLINE));
            nodeA.publish("test.changed", "via-sentinel");
            assertEquals(new ClusterMessage("test.changed", "via-sentinel", false),
                    receivedByB.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void theSubscriberAsksTheSentinelsForTheMaster() {
        assertEquals(new HostAndPort("127.0.0.1", master.port()), RedisClients.masterAddress(settings(sentinelUrl(MASTER))));
        assertThrows(JedisConnectionException.class, () -> RedisClients.masterAddress(settings(sentinelUrl("no-such-master"))));
    }
}

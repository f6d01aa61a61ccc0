package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.testing.RedisServerProcess;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/** The production Redis client against Redis servers this test owns: credentials, failures, recovery. */
class RedisClientsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void clientConfigTakesUserPasswordDatabaseAndTlsFromTheUrl() {
        JedisClientConfig config = RedisClients.clientConfig(
                new RedisSettings(URI.create("rediss://latchkey:s%40cret@redis.example:6380/3"), 4, Duration.ofMillis(1500)));
        assertEquals("latchkey", config.getUser());
        assertEquals("s@cret", config.getPassword());
        assertEquals(3, config.getDatabase());
        assertTrue(config.isSsl());
        assertNotNull(config.getSslSocketFactory());
        assertEquals(1500, config.getConnectionTimeoutMillis());
        assertEquals(1500, config.getSocketTimeoutMillis());

        JedisClientConfig plain = RedisClients.clientConfig(new RedisSettings(URI.create("redis://127.0.0.1:6379"), 4, TIMEOUT));
        assertFalse(plain.isSsl());
        assertNull(plain.getSslSocketFactory());
        assertNull(plain.getUser());
        assertNull(plain.getPassword());
        assertEquals(0, plain.getDatabase());
    }

    @Test
    void poolIsBoundedAndWaitsAtMostTheTimeout() {
        ConnectionPoolConfig pool = RedisClients.poolConfig(new RedisSettings(URI.create("redis://127.0.0.1:6379"), 5, TIMEOUT));
        assertEquals(5, pool.getMaxTotal());
        assertEquals(TIMEOUT, pool.getMaxWaitDuration());
        assertTrue(pool.getBlockWhenExhausted());
    }

    @Test
    void settingsRefuseAnotherSchemeAnEmptyPoolAndANonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(URI.create("http://127.0.0.1:6379"), 4, TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(URI.create("redis://127.0.0.1:6379"), 0, TIMEOUT));
        assertThrows(IllegalArgumentException.class,
                () -> new RedisSettings(URI.create("redis://127.0.0.1:6379"), 4, Duration.ZERO));
    }

    @Test
    void everyOperationThrowsUnavailableWhileNothingListensAndIsAvailableSaysFalse() {
        try (UnifiedJedis nowhere = RedisClients.pooled(new RedisSettings(URI.create("redis://127.0.0.1:" + RedisServerProcess.freePort()), 2, TIMEOUT))) {
            RedisEphemeralStore store = new RedisEphemeralStore(nowhere);
            assertFalse(store.isAvailable());
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.put("k", "v", Duration.ofMinutes(1)));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.putIfAbsent("k", "v", Duration.ofMinutes(1)));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("k"));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.take("k"));
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.delete("k"));
        }
    }

    @Test
    void afterRedisRestartsTheSameClientWorksAgainAtTheFirstRequest() {
        try (RedisServerProcess server = new RedisServerProcess(RedisServerProcess.freePort());
             UnifiedJedis redis = RedisClients.pooled(new RedisSettings(URI.create(server.url()), 4, TIMEOUT))) {
            server.start();
            RedisEphemeralStore store = new RedisEphemeralStore(redis);
            store.put("before", "1", Duration.ofMinutes(1));
            assertEquals(Optional.of("1"), store.get("before"));

            server.stop();
            assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("before"));
            assertFalse(store.isAvailable());

            server.start();
            // the connection that saw Redis go was dropped with every idle one: none is left to fail now
            assertTrue(store.isAvailable());
            assertEquals(Optional.empty(), store.get("before"), "this Redis keeps nothing over a restart");
            store.put("after", "2", Duration.ofMinutes(1));
            assertEquals(Optional.of("2"), store.take("after"));
        }
    }

    @Test
    void aRedisThatHangsIsUnavailableAfterTheTimeoutAndUsableWhenItAnswersAgain() {
        try (RedisServerProcess server = new RedisServerProcess(RedisServerProcess.freePort());
             UnifiedJedis redis = RedisClients.pooled(new RedisSettings(URI.create(server.url()), 2, Duration.ofMillis(300)))) {
            server.start();
            RedisEphemeralStore store = new RedisEphemeralStore(redis);
            store.put("hang", "1", Duration.ofMinutes(1));

            server.pause();
            // without the socket timeout this would wait forever; the guard only fails the test then
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("hang")));
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertFalse(store.isAvailable()));

            server.resume();
            assertEquals(Optional.of("1"), store.take("hang"));
        }
    }

    @Test
    void passwordAndAclUserFromTheUrlAreUsedAndAWrongOneMeansUnavailable() {
        try (RedisServerProcess server = new RedisServerProcess(RedisServerProcess.freePort(), "--requirepass", "default-secret")) {
            server.start();
            String address = "127.0.0.1:" + server.port();
            try (UnifiedJedis admin = RedisClients.pooled(new RedisSettings(URI.create("redis://:default-secret@" + address), 1, TIMEOUT))) {
                assertEquals("PONG", admin.ping());
                admin.sendCommand(Protocol.Command.ACL, "SETUSER", "latchkey", "on", ">user-secret", "~latchkey:*", "+@all");
            }
            try (UnifiedJedis user = RedisClients.pooled(new RedisSettings(URI.create("redis://latchkey:user-secret@" + address), 1, TIMEOUT))) {
                RedisEphemeralStore store = new RedisEphemeralStore(user);
                store.put("acl", "ok", Duration.ofMinutes(1));
                assertEquals(Optional.of("ok"), store.take("acl"));
            }
            try (UnifiedJedis wrong = RedisClients.pooled(new RedisSettings(URI.create("redis://latchkey:wrong@" + address), 1, TIMEOUT))) {
                RedisEphemeralStore store = new RedisEphemeralStore(wrong);
                assertFalse(store.isAvailable());
                assertThrows(EphemeralStoreUnavailableException.class, () -> store.get("acl"));
            }
        }
    }

    @Test
    void aRefusedCommandIsABugNotAnOutage() {
        assertTrue(UnavailabilityTranslatingExecutor.meansUnavailable(new JedisConnectionException("Connection refused")));
        assertTrue(UnavailabilityTranslatingExecutor.meansUnavailable(new JedisAccessControlException("WRONGPASS invalid")));
        assertTrue(UnavailabilityTranslatingExecutor.meansUnavailable(new JedisDataException("LOADING Redis is loading the dataset in memory")));
        assertTrue(UnavailabilityTranslatingExecutor.meansUnavailable(new JedisDataException("READONLY You can't write against a read only replica.")));
        assertFalse(UnavailabilityTranslatingExecutor.meansUnavailable(
                new JedisDataException("WRONGTYPE Operation against a key holding the wrong kind of value")));
    }
}

package dev.latchkey.kernel.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** Runs the store contract against the real Redis of the test machine (127.0.0.1:6379), through the production client. */
class RedisEphemeralStoreTest extends EphemeralStoreContract {

    private static UnifiedJedis redis;
    private static RedisEphemeralStore store;

    @BeforeAll
    static void connect() {
        redis = RedisClients.pooled(new RedisSettings(
                URI.create(System.getProperty("latchkey.test.redis-url", "redis://127.0.0.1:6379")), 8, Duration.ofSeconds(2)));
        store = new RedisEphemeralStore(redis);
    }

    @AfterAll
    static void close() {
        redis.close();
    }

    @Override
    RedisEphemeralStore store() {
        return store;
    }

    @Test
    void keysArePrefixedAndCarryTheirTtlInRedis() {
        store.put("ttl-check", "v", Duration.ofSeconds(30));
        store.addToSet("set-ttl-check", "a", Duration.ofSeconds(30));
        for (String key : new String[] {"ttl-check", "set-ttl-check"}) {
            long ttl = redis.pttl("latchkey:" + key);
            assertTrue(ttl > 20_000 && ttl <= 30_000, key + ": ttl was " + ttl);
            store.delete(key);
        }
        assertTrue(store.isAvailable());
        assertEquals("redis", store.kind());
    }
}

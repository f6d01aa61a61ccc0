package dev.latchkey.kernel.testing;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.internal.store.RedisStores;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.UnifiedJedis;

/**
 * The production Redis store on the test machine's Redis ({@code latchkey.test.redis-url},
 * {@code redis://127.0.0.1:6379} by default), and the raw client to look at what it wrote
 * (keys are prefixed {@value #PREFIX}). A test that finds no Redis is skipped.
 */
public final class TestRedis implements AutoCloseable {

    /** What the store puts before every key in Redis. */
    public static final String PREFIX = "latchkey:";

    private final UnifiedJedis client;
    private final EphemeralStore store;

    private TestRedis(UnifiedJedis client) {
        this.client = client;
        this.store = RedisStores.store(client);
    }

    /** Connects; aborts (skips) the test when Redis does not answer. */
    public static TestRedis connectOrSkip() {
        TestRedis redis = new TestRedis(RedisStores.client(
                URI.create(System.getProperty("latchkey.test.redis-url", "redis://127.0.0.1:6379"))));
        if (!redis.store.isAvailable()) {
            redis.close();
            Assumptions.abort("Redis is not reachable");
        }
        return redis;
    }

    public EphemeralStore store() {
        return store;
    }

    /** The raw client, for {@code PTTL} and {@code EXISTS} on {@link #PREFIX}ed keys. */
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }
}

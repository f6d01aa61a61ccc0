package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/**
 * The production Redis store made outside CDI, for the kernel's test jar
 * ({@code dev.latchkey.kernel.testing.TestRedis}), so that other modules' tests run on the store
 * the server uses. Not exported: no module's main code can reach it.
 */
public final class RedisStores {

    private RedisStores() {
    }

    /** A pooled client of the Redis at {@code url} (8 connections, 2 s timeouts); the caller closes it. */
    public static UnifiedJedis client(URI url) {
        return RedisClients.pooled(new RedisSettings(url, 8, Duration.ofSeconds(2)));
    }

    /** The store on {@code client}, its keys prefixed as in production. */
    public static EphemeralStore store(UnifiedJedis client) {
        return new RedisEphemeralStore(client);
    }
}

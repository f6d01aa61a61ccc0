package dev.latchkey.kernel.internal.store;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * How to reach Redis: {@code latchkey.redis.url} ({@code redis://} or, for TLS,
 * {@code rediss://}, with an optional {@code user:password@} and {@code /database}),
 * {@code latchkey.redis.pool-max} connections at most, and {@code latchkey.redis.timeout} for
 * connecting, for each answer and for waiting on a free pooled connection. The timeout is short
 * on purpose: while Redis is away a request fails fast with a 503 instead of holding a thread.
 */
record RedisSettings(URI url, int poolMax, Duration timeout) {

    RedisSettings {
        if (!JedisURIHelper.isValid(url)) {
            throw new IllegalArgumentException("latchkey.redis.url must look like redis://host:6379 or rediss://host:6380, not "
                    + url.getScheme() + "://" + url.getHost() + ":" + url.getPort());
        }
        if (poolMax < 1) {
            throw new IllegalArgumentException("latchkey.redis.pool-max must be at least 1, not " + poolMax);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("latchkey.redis.timeout must be a positive duration such as PT2S, not " + timeout);
        }
    }

    int timeoutMillis() {
        return (int) timeout.toMillis();
    }
}

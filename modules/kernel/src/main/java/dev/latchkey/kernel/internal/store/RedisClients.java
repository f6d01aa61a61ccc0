package dev.latchkey.kernel.internal.store;

import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Makes the pooled Jedis client of {@link RedisSettings}: credentials, database and TLS from the
 * URL, the timeouts on every connection and on the pool, and every command failure that means
 * "Redis does not answer" turned into the kernel's
 * {@link dev.latchkey.kernel.api.EphemeralStoreUnavailableException} (see
 * {@link UnavailabilityTranslatingExecutor}).
 */
final class RedisClients {

    private RedisClients() {
    }

    static RedisClient pooled(RedisSettings settings) {
        HostAndPort address = JedisURIHelper.getHostAndPort(settings.url());
        JedisClientConfig config = clientConfig(settings);
        PooledConnectionProvider connections = new PooledConnectionProvider(address, config, poolConfig(settings));
        return RedisClient.builder()
                .hostAndPort(address)
                .clientConfig(config)
                .connectionProvider(connections)
                .commandExecutor(new UnavailabilityTranslatingExecutor(new DefaultCommandExecutor(connections),
                        connections.getPool(), address.toString()))
                .build();
    }

    /**
     * User, password and database from the URL; the timeouts of the settings; TLS for
     * {@code rediss://}, trusting what the JVM's own trust store trusts ({@code cacerts}, or
     * {@code -Djavax.net.ssl.trustStore}) and checking the host name. The JSSE default context is
     * named explicitly: under Liberty's {@code transportSecurity} feature the default socket
     * factory would use Liberty's SSL configuration, which trusts only its own keystore.
     */
    static JedisClientConfig clientConfig(RedisSettings settings) {
        return clientConfig(settings, settings.timeout(), "latchkey");
    }

    /**
     * The same with another read timeout and client name: the broadcast subscriber
     * ({@link RedisBroadcastChannel}) waits for messages far longer than a command waits for its answer.
     */
    static JedisClientConfig clientConfig(RedisSettings settings, Duration readTimeout, String clientName) {
        URI url = settings.url();
        boolean tls = JedisURIHelper.isRedisSSLScheme(url);
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis((int) readTimeout.toMillis())
                .user(JedisURIHelper.getUser(url))
                .password(JedisURIHelper.getPassword(url))
                .ssl(tls)
                .clientName(clientName);
        if (tls) {
            config.sslSocketFactory(jvmDefaultTls());
        }
        if (JedisURIHelper.hasDbIndex(url)) {
            config.database(JedisURIHelper.getDBIndex(url));
        }
        return config.build();
    }

    private static SSLSocketFactory jvmDefaultTls() {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no default TLS context", e);
        }
    }

    /**
     * At most {@code pool-max} connections, all of which may stay idle; a request waits at most
     * the timeout for a free one. Idle connections are checked every 30 s, so those Redis closed
     * (its {@code timeout} setting, a restart) are dropped before a request meets them.
     */
    static ConnectionPoolConfig poolConfig(RedisSettings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolMax());
        pool.setMaxIdle(settings.poolMax());
        pool.setMinIdle(0);
        pool.setMaxWait(settings.timeout());
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(true);
        return pool;
    }
}

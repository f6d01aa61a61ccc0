package dev.latchkey.kernel.internal.store;

import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * Makes the pooled Jedis client of {@link RedisSettings}, to one Redis, to the master Redis
 * Sentinel names ({@link SentinelConnections}) or to the nodes of a Redis Cluster
 * ({@link ClusterConnections}, each command to the node of its key): credentials, database and TLS from the URL, the
 * timeouts on every connection and on the pool, and every command failure that means
 * "Redis does not answer" turned into the kernel's
 * {@link dev.latchkey.kernel.api.EphemeralStoreUnavailableException} (see
 * {@link UnavailabilityTranslatingExecutor}).
 */
final class RedisClients {

    private RedisClients() {
    }

    static UnifiedJedis pooled(RedisSettings settings) {
        JedisClientConfig config = clientConfig(settings);
        Optional<RedisSettings.Cluster> cluster = settings.cluster();
        if (cluster.isPresent()) {
            ClusterConnections connections = new ClusterConnections(cluster.get().nodes(), config, poolConfig(settings),
                    settings.timeout());
            return RedisClusterClient.builder()
                    .nodes(cluster.get().nodes())
                    .clientConfig(config)
                    .connectionProvider(connections)
                    .commandExecutor(new UnavailabilityTranslatingExecutor(connections.commands(), connections,
                            settings.describe()))
                    .build();
        }
        ConnectionProvider connections = settings.sentinel()
                .<ConnectionProvider>map(sentinel -> new SentinelConnections(sentinel, config, poolConfig(settings),
                        sentinelConfig(settings)))
                .orElseGet(() -> new PooledConnectionProvider(settings.firstAddress(), config, poolConfig(settings)));
        return RedisClient.builder()
                // the builder wants an address even when given the connections; with Sentinel it goes unused
                .hostAndPort(settings.firstAddress())
                .clientConfig(config)
                .connectionProvider(connections)
                .commandExecutor(new UnavailabilityTranslatingExecutor(new DefaultCommandExecutor(connections),
                        connections, settings.describe()))
                .build();
    }

    /**
     * Where the broadcast subscriber subscribes after {@code failures} failed subscriptions: in a
     * Redis Cluster a {@code PUBLISH} reaches the subscribers on every node, so any node does, and
     * after each failure the next of the URL's nodes; otherwise the {@link #masterAddress master}.
     */
    static HostAndPort subscriberAddress(RedisSettings settings, int failures) {
        return settings.cluster()
                .map(cluster -> List.copyOf(cluster.nodes()))
                .map(nodes -> nodes.get(Math.floorMod(failures, nodes.size())))
                .orElseGet(() -> masterAddress(settings));
    }

    /**
     * Where the master is now: the single Redis's address, or the one the first sentinel that
     * answers names (Jedis's {@code SENTINEL GET-MASTER-ADDR-BY-NAME}). The broadcast subscriber
     * asks each time it subscribes, so after a failover it follows the new master.
     *
     * @throws JedisConnectionException when no sentinel answers or none knows the master
     */
    static HostAndPort masterAddress(RedisSettings settings) {
        Optional<RedisSettings.Sentinel> sentinel = settings.sentinel();
        if (sentinel.isEmpty()) {
            return settings.firstAddress();
        }
        JedisClientConfig config = sentinelConfig(settings);
        JedisException last = null;
        for (HostAndPort address : sentinel.get().sentinels()) {
            try (Jedis jedis = new Jedis(address, config)) {
                List<String> master = jedis.sentinelGetMasterAddrByName(sentinel.get().masterName());
                if (master != null && master.size() == 2) {
                    return new HostAndPort(master.get(0), Integer.parseInt(master.get(1)));
                }
            } catch (JedisException e) {
                last = e;
            }
        }
        throw new JedisConnectionException("no sentinel of " + settings.describe() + " names the master", last);
    }

    /**
     * User, password and database from the URL; the timeouts of the settings; TLS for
     * {@code rediss://} and {@code rediss-sentinel://}, trusting what the JVM's own trust store trusts ({@code cacerts}, or
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
        DefaultJedisClientConfig.Builder config = connectionConfig(settings, readTimeout)
                .user(settings.user())
                .password(settings.password())
                .clientName(clientName);
        settings.database().ifPresent(config::database);
        return config.build();
    }

    /** For the sentinels: the timeouts and TLS of the settings, no credentials, no database. */
    static JedisClientConfig sentinelConfig(RedisSettings settings) {
        return connectionConfig(settings, settings.timeout()).clientName("latchkey-sentinel").build();
    }

    private static DefaultJedisClientConfig.Builder connectionConfig(RedisSettings settings, Duration readTimeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(settings.timeoutMillis())
                .socketTimeoutMillis((int) readTimeout.toMillis())
                .ssl(settings.tls());
        if (settings.tls()) {
            config.sslSocketFactory(jvmDefaultTls());
        }
        return config;
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

package dev.latchkey.kernel.internal.store;

import java.util.Map;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.providers.SentineledConnectionProvider;
import redis.clients.jedis.util.Pool;

/**
 * Pooled connections to the master that Redis Sentinel names: Jedis's
 * {@link SentineledConnectionProvider}, which asks the sentinels for the master, listens to them
 * for a failover and then moves its pool to the new master. Jedis makes it by asking the sentinels
 * at once and fails when none answers; this makes it at the first command instead, and again at
 * each command until a sentinel answers, so that the server starts while Sentinel is away and the
 * failure of a command is the store's usual "does not answer".
 */
final class SentinelConnections implements ConnectionProvider {

    private final RedisSettings.Sentinel sentinel;
    private final JedisClientConfig masterConfig;
    private final ConnectionPoolConfig poolConfig;
    private final JedisClientConfig sentinelConfig;
    private volatile SentineledConnectionProvider connections;
    private boolean closed;

    SentinelConnections(RedisSettings.Sentinel sentinel, JedisClientConfig masterConfig, ConnectionPoolConfig poolConfig,
                        JedisClientConfig sentinelConfig) {
        this.sentinel = sentinel;
        this.masterConfig = masterConfig;
        this.poolConfig = poolConfig;
        this.sentinelConfig = sentinelConfig;
    }

    private SentineledConnectionProvider connections() {
        SentineledConnectionProvider current = connections;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Redis client is closed");
            }
            if (connections == null) {
                connections = new SentineledConnectionProvider(sentinel.masterName(), masterConfig, poolConfig,
                        sentinel.sentinels(), sentinelConfig);
            }
            return connections;
        }
    }

    @Override
    public Connection getConnection() {
        return connections().getConnection();
    }

    @Override
    public Connection getConnection(CommandArguments args) {
        return connections().getConnection(args);
    }

    /** The pool of the current master; none before a sentinel has answered. */
    @Override
    public Map<?, Pool<Connection>> getConnectionMap() {
        SentineledConnectionProvider current = connections;
        return current == null ? Map.of() : current.getConnectionMap();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connections != null) {
            connections.close();
        }
    }
}

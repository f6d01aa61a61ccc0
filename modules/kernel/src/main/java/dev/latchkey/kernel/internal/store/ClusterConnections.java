package dev.latchkey.kernel.internal.store;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.executors.ClusterCommandExecutor;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.providers.ConnectionProvider;

/**
 * Pooled connections to the nodes of a Redis Cluster: Jedis's {@link ClusterConnectionProvider},
 * which learns from the given nodes which node holds which hash slot, and its
 * {@link ClusterCommandExecutor}, which sends each command to the node of its key and follows
 * the cluster's redirections ({@code MOVED}, {@code ASK}). Jedis makes the provider by asking
 * the nodes at once and fails when none answers; this makes it at the first command instead,
 * and again at each command until a node answers, so that the server starts while the cluster
 * is away and the failure of a command is the store's usual "does not answer".
 */
final class ClusterConnections implements ConnectionProvider {

    /** Jedis's default: a command may be sent this often (redirections and retries included). */
    private static final int MAX_ATTEMPTS = 5;

    private final Set<HostAndPort> nodes;
    private final JedisClientConfig config;
    private final ConnectionPoolConfig poolConfig;
    private final Duration retriesAtMost;
    private volatile ClusterCommandExecutor executor;
    private boolean closed;

    /** {@code retriesAtMost}: how long a command may take with all its attempts together. */
    ClusterConnections(Set<HostAndPort> nodes, JedisClientConfig config, ConnectionPoolConfig poolConfig,
                       Duration retriesAtMost) {
        this.nodes = nodes;
        this.config = config;
        this.poolConfig = poolConfig;
        this.retriesAtMost = retriesAtMost;
    }

    private ClusterCommandExecutor executor() {
        ClusterCommandExecutor current = executor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Redis client is closed");
            }
            if (executor == null) {
                executor = new ClusterCommandExecutor(new ClusterConnectionProvider(nodes, config, poolConfig),
                        MAX_ATTEMPTS, retriesAtMost);
            }
            return executor;
        }
    }

    /** The commands, each to the node of its key. */
    CommandExecutor commands() {
        return new CommandExecutor() {
            @Override
            public <T> T executeCommand(CommandObject<T> command) {
                return executor().executeCommand(command);
            }

            @Override
            public void close() {
                ClusterConnections.this.close();
            }
        };
    }

    @Override
    public Connection getConnection() {
        return executor().provider.getConnection();
    }

    @Override
    public Connection getConnection(CommandArguments args) {
        return executor().provider.getConnection(args);
    }

    /** The pools of the nodes the cluster named; none before a node has answered. */
    @Override
    public Map<?, ?> getConnectionMap() {
        ClusterCommandExecutor current = executor;
        return current == null ? Map.of() : current.provider.getConnectionMap();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (executor != null) {
            executor.close();
        }
    }
}

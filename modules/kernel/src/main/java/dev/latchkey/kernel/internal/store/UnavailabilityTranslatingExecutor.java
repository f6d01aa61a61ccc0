package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.providers.ConnectionProvider;
import redis.clients.jedis.util.Pool;

/**
 * Runs every Redis command of the client, so that every store operation — also one added later —
 * fails the same way when Redis does not answer: with an
 * {@link EphemeralStoreUnavailableException}. That covers a refused or broken connection, a
 * timeout, an exhausted pool, refused credentials and a Redis that is loading or read-only;
 * an error in the command itself (a wrong type) stays a {@link JedisDataException}: it is a bug.
 *
 * <p>When a connection broke, the pool's idle connections are dropped too: after a Redis restart
 * they are all dead, and without this each would fail one more request once Redis is back. The
 * first failure and the recovery are logged once each, not once per request.
 */
final class UnavailabilityTranslatingExecutor implements CommandExecutor {

    private static final Logger LOG = Logger.getLogger(UnavailabilityTranslatingExecutor.class.getName());
    /** Redis error replies that mean "not now" rather than "wrong command". */
    private static final String[] TRANSIENT_ERRORS = {"LOADING", "MASTERDOWN", "READONLY", "NOAUTH", "TRYAGAIN", "CLUSTERDOWN"};

    private final CommandExecutor commands;
    private final ConnectionProvider connections;
    private final String address;
    private final AtomicBoolean down = new AtomicBoolean();

    UnavailabilityTranslatingExecutor(CommandExecutor commands, ConnectionProvider connections, String address) {
        this.commands = commands;
        this.connections = connections;
        this.address = address;
    }

    @Override
    public <T> T executeCommand(CommandObject<T> command) {
        T reply;
        try {
            reply = commands.executeCommand(command);
        } catch (JedisException e) {
            if (!meansUnavailable(e)) {
                throw e;
            }
            if (e instanceof JedisConnectionException) {
                dropIdleConnections();
            }
            if (down.compareAndSet(false, true)) {
                LOG.warning(() -> "Redis at " + address + " does not answer (" + e + "); what needs it fails until it does");
            }
            throw new EphemeralStoreUnavailableException("Redis at " + address + " does not answer", e);
        }
        if (down.get() && down.compareAndSet(true, false)) {
            LOG.info(() -> "Redis at " + address + " answers again");
        }
        return reply;
    }

    /** Every pool of the connections (one, one per cluster node; none while Sentinel has not named a master or no cluster node has answered). */
    private void dropIdleConnections() {
        for (Object pool : connections.getConnectionMap().values()) {
            if (pool instanceof Pool<?> connectionPool) {
                connectionPool.clear();
            }
        }
    }

    static boolean meansUnavailable(JedisException e) {
        if (!(e instanceof JedisDataException)) {
            return true;
        }
        if (e instanceof JedisAccessControlException || e instanceof JedisBusyException) {
            return true;
        }
        String reply = e.getMessage() == null ? "" : e.getMessage().toUpperCase(Locale.ROOT);
        for (String error : TRANSIENT_ERRORS) {
            if (reply.startsWith(error)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws Exception {
        commands.close();
    }
}

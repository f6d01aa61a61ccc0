package dev.latchkey.kernel.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} that a test owns, on its own port and keeping nothing on disk,
 * so the test can stop and start it (or freeze it) to see how Latchkey behaves while Redis is
 * away. Also a Redis Sentinel ({@link #sentinel}) and the nodes of a Redis Cluster
 * ({@link #clusterNode}, {@link #createCluster}). Start waits for Redis to log that it accepts
 * connections (a sentinel: that it watches its master); stop waits for the process to end.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final long START_SECONDS = 20;
    private static final String READY = "Ready to accept connections";
    private static final String SENTINEL_READY = "+monitor master";

    private final int port;
    private final List<String> command;
    private final String readyLine;
    private Process process;

    /** {@code extraArguments}: further {@code redis-server} options, e.g. {@code "--requirepass", "secret"}. */
    public RedisServerProcess(int port, String... extraArguments) {
        this(port, arguments(port, extraArguments), READY);
    }

    private RedisServerProcess(int port, List<String> command, String ready) {
        this.port = port;
        this.command = command;
        this.readyLine = ready;
    }

    private static List<String> arguments(int port, String... extraArguments) {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"));
        command.addAll(List.of(extraArguments));
        return command;
    }

    /**
     * A Redis Sentinel on {@code port} that watches the Redis on {@code masterPort} as
     * {@code masterName} (quorum 1, so it alone decides a failover, after {@code downAfterMillis}).
     * {@code extraConfig}: further lines of its configuration, e.g.
     * {@code "sentinel auth-pass mymaster secret"}. The file, which Sentinel rewrites, is a temporary one.
     */
    public static RedisServerProcess sentinel(int port, String masterName, int masterPort, long downAfterMillis,
                                              String... extraConfig) {
        try {
            Path config = Files.createTempFile("latchkey-sentinel-", ".conf");
            config.toFile().deleteOnExit();
            List<String> lines = new ArrayList<>(List.of(
                    "port " + port,
                    "bind 127.0.0.1",
                    "sentinel monitor " + masterName + " 127.0.0.1 " + masterPort + " 1",
                    "sentinel down-after-milliseconds " + masterName + " " + downAfterMillis,
                    "sentinel failover-timeout " + masterName + " 10000"));
            lines.addAll(List.of(extraConfig));
            Files.write(config, lines);
            return new RedisServerProcess(port, List.of("redis-server", config.toString(), "--sentinel"), SENTINEL_READY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A Redis on {@code port} with cluster mode on, its {@code nodes-<port>.conf} (which Redis
     * writes) in {@code directory}; it is no cluster until {@link #createCluster} joins it to others.
     */
    public static RedisServerProcess clusterNode(int port, Path directory) {
        return new RedisServerProcess(port, "--cluster-enabled", "yes",
                "--cluster-config-file", directory.resolve("nodes-" + port + ".conf").toString());
    }

    /**
     * Joins the started {@link #clusterNode cluster nodes} into one Redis Cluster, the hash slots
     * shared among them, no replicas ({@code redis-cli --cluster create}), and returns once every
     * node reports {@code cluster_state:ok}.
     */
    public static void createCluster(List<RedisServerProcess> nodes) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port()));
        command.add("--cluster-yes");
        try {
            Process create = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!create.waitFor(START_SECONDS, TimeUnit.SECONDS) || create.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + output);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
            for (RedisServerProcess node : nodes) {
                while (!node.clusterStateOk()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the Redis Cluster did not reach cluster_state:ok");
                    }
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean clusterStateOk() {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return jedis.clusterInfo().contains("cluster_state:ok");
        }
    }

    /** A TCP port nothing listens on right now, for a server of a test's own. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts Redis and returns once it accepts connections. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run redis-server", e);
        }
        Process started = process;
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> readUntilReady(started, readyLine));
        try {
            if (!ready.get(START_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " ended before it was ready");
            }
        } catch (TimeoutException | ExecutionException e) {
            stop();
            throw new IllegalStateException("redis-server on port " + port + " did not become ready", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops Redis (SIGTERM) and returns once the process has ended: everything it held is gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            // a paused (SIGSTOP) Redis would not act on SIGTERM until resumed
            signal("-CONT");
        }
        process.destroy();
        try {
            if (!process.waitFor(START_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /** Freezes Redis (SIGSTOP): it keeps its port and connections but answers nothing, like a hung server. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** Lets a paused Redis run on (SIGCONT). */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(START_SECONDS, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed for redis-server on port " + port);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Reads Redis's log until it is ready, then keeps draining it so Redis never blocks on a full pipe. */
    private static boolean readUntilReady(Process process, String ready) {
        BufferedReader log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = log.readLine()) != null) {
                if (line.contains(ready)) {
                    Thread drainer = new Thread(() -> drain(log), "redis-server-log");
                    drainer.setDaemon(true);
                    drainer.start();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static void drain(BufferedReader log) {
        try {
            while (log.readLine() != null) {
                // Redis's own log; nobody reads it after start
            }
        } catch (IOException ended) {
            // the process ended
        }
    }
}

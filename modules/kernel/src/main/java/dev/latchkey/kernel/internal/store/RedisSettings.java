package dev.latchkey.kernel.internal.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * How to reach Redis: {@code latchkey.redis.url}, {@code latchkey.redis.pool-max} connections at
 * most, and {@code latchkey.redis.timeout} for connecting, for each answer and for waiting on a
 * free pooled connection. The timeout is short on purpose: while Redis is away a request fails
 * fast with a 503 instead of holding a thread.
 *
 * <p>The URL names one Redis, {@code redis://[[user]:password@]host:6379[/database]} ({@code rediss://}
 * for TLS), or a master that Redis Sentinel watches, in the layout of the Lettuce client:
 * {@code redis-sentinel://[[user]:password@]host1[:26379][,host2[:26379]...][/database]#masterName}
 * ({@code rediss-sentinel://} for TLS to the sentinels and the master). User, password and
 * database are the master's; the sentinels are asked without credentials. Or a Redis Cluster,
 * also in Lettuce's layout: {@code redis-cluster://[[user]:password@]host1[:6379][,host2[:6379]...]}
 * ({@code rediss-cluster://} for TLS): some of its nodes, from which the client learns the rest;
 * no database, a cluster has only database 0.
 */
record RedisSettings(URI url, int poolMax, Duration timeout) {

    static final int SENTINEL_PORT = 26379;
    static final int DEFAULT_PORT = 6379;
    private static final String SENTINEL_SCHEME = "redis-sentinel";
    private static final String SENTINEL_TLS_SCHEME = "rediss-sentinel";
    private static final String CLUSTER_SCHEME = "redis-cluster";
    private static final String CLUSTER_TLS_SCHEME = "rediss-cluster";

    RedisSettings {
        if (isSentinelScheme(url)) {
            parseSentinel(url);
        } else if (isClusterScheme(url)) {
            parseCluster(url);
        } else if (!JedisURIHelper.isValid(url)) {
            throw new IllegalArgumentException("latchkey.redis.url must look like redis://host:6379, rediss://host:6380"
                    + ", redis-sentinel://host1:26379,host2:26379#mymaster or redis-cluster://host1:7000,host2:7001, not "
                    + url.getScheme() + "://" + url.getHost() + ":" + url.getPort());
        }
        if (poolMax < 1) {
            throw new IllegalArgumentException("latchkey.redis.pool-max must be at least 1, not " + poolMax);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("latchkey.redis.timeout must be a positive duration such as PT2S, not " + timeout);
        }
    }

    /** The sentinels to ask and the name of the master they watch. */
    record Sentinel(String masterName, Set<HostAndPort> sentinels) {
    }

    /** The nodes of a Redis Cluster to learn the cluster's layout from. */
    record Cluster(Set<HostAndPort> nodes) {
    }

    int timeoutMillis() {
        return (int) timeout.toMillis();
    }

    /** The sentinels of a {@code redis-sentinel://} URL; empty for a single Redis. */
    Optional<Sentinel> sentinel() {
        return isSentinelScheme(url) ? Optional.of(parseSentinel(url)) : Optional.empty();
    }

    /** The nodes of a {@code redis-cluster://} URL; empty otherwise. */
    Optional<Cluster> cluster() {
        return isClusterScheme(url) ? Optional.of(parseCluster(url)) : Optional.empty();
    }

    /** The single Redis's address, the first sentinel's or the first cluster node's. */
    HostAndPort firstAddress() {
        return sentinel().map(s -> s.sentinels().iterator().next())
                .or(() -> cluster().map(c -> c.nodes().iterator().next()))
                .orElseGet(() -> JedisURIHelper.getHostAndPort(url));
    }

    boolean tls() {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(SENTINEL_TLS_SCHEME) || scheme.equals(CLUSTER_TLS_SCHEME) || JedisURIHelper.isRedisSSLScheme(url);
    }

    String user() {
        return hasAddressList() ? credential(0) : JedisURIHelper.getUser(url);
    }

    String password() {
        return hasAddressList() ? credential(1) : JedisURIHelper.getPassword(url);
    }

    /** The database of the URL's path, if it names one. */
    Optional<Integer> database() {
        return JedisURIHelper.hasDbIndex(url) ? Optional.of(JedisURIHelper.getDBIndex(url)) : Optional.empty();
    }

    /** For the log: where Redis is, never the credentials. */
    String describe() {
        String where = sentinel().map(s -> "master " + s.masterName() + " of the sentinels "
                        + s.sentinels().stream().map(HostAndPort::toString).collect(Collectors.joining(",")))
                .or(() -> cluster().map(c -> "the cluster of "
                        + c.nodes().stream().map(HostAndPort::toString).collect(Collectors.joining(","))))
                .orElseGet(() -> firstAddress().toString());
        return where + (tls() ? " (TLS)" : "");
    }

    private static boolean isSentinelScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(SENTINEL_SCHEME) || scheme.equals(SENTINEL_TLS_SCHEME);
    }

    private static boolean isClusterScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(CLUSTER_SCHEME) || scheme.equals(CLUSTER_TLS_SCHEME);
    }

    private boolean hasAddressList() {
        return isSentinelScheme(url) || isClusterScheme(url);
    }

    private static Cluster parseCluster(URI url) {
        if (url.getRawAuthority() == null || url.getFragment() != null || JedisURIHelper.hasDbIndex(url)) {
            throw new IllegalArgumentException("latchkey.redis.url must look like redis-cluster://host1:7000,host2:7001"
                    + " (some nodes of the cluster, no database, nothing after #)");
        }
        return new Cluster(addresses(url, DEFAULT_PORT));
    }

    private static Sentinel parseSentinel(URI url) {
        String master = url.getFragment();
        String authority = url.getRawAuthority();
        if (master == null || master.isBlank() || authority == null) {
            throw new IllegalArgumentException("latchkey.redis.url must look like"
                    + " redis-sentinel://host1:26379,host2:26379#mymaster (the sentinels, then the master's name after #)");
        }
        return new Sentinel(master, addresses(url, SENTINEL_PORT));
    }

    /** The comma-separated {@code host[:port]} list after the credentials. */
    private static Set<HostAndPort> addresses(URI url, int defaultPort) {
        String authority = url.getRawAuthority();
        Set<HostAndPort> addresses = new LinkedHashSet<>();
        for (String address : authority.substring(authority.lastIndexOf('@') + 1).split(",")) {
            addresses.add(address(address.trim(), defaultPort));
        }
        return Collections.unmodifiableSet(addresses);
    }

    private static HostAndPort address(String address, int defaultPort) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("latchkey.redis.url names a sentinel or cluster node without a host");
        }
        try {
            return new HostAndPort(host, colon < 0 ? defaultPort : Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latchkey.redis.url names a sentinel or cluster node with a port that is no number: "
                    + host, e);
        }
    }

    /** Part {@code index} of the {@code user:password} before the sentinels, decoded; null if absent or empty. */
    private String credential(int index) {
        String authority = url.getRawAuthority();
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        String[] parts = authority.substring(0, at).split(":", 2);
        if (parts.length < 2 || parts[index].isEmpty()) {
            return null;
        }
        return URLDecoder.decode(parts[index], StandardCharsets.UTF_8);
    }
}

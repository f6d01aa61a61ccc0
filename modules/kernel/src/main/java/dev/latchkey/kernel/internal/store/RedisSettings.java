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
 * database are the master's; the sentinels are asked without credentials.
 */
record RedisSettings(URI url, int poolMax, Duration timeout) {

    static final int SENTINEL_PORT = 26379;
    private static final String SENTINEL_SCHEME = "redis-sentinel";
    private static final String SENTINEL_TLS_SCHEME = "rediss-sentinel";

    RedisSettings {
        if (isSentinelScheme(url)) {
            parseSentinel(url);
        } else if (!JedisURIHelper.isValid(url)) {
            throw new IllegalArgumentException("latchkey.redis.url must look like redis://host:6379, rediss://host:6380"
                    + " or redis-sentinel://host1:26379,host2:26379#mymaster, not "
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

    int timeoutMillis() {
        return (int) timeout.toMillis();
    }

    /** The sentinels of a {@code redis-sentinel://} URL; empty for a single Redis. */
    Optional<Sentinel> sentinel() {
        return isSentinelScheme(url) ? Optional.of(parseSentinel(url)) : Optional.empty();
    }

    /** The single Redis's address, or the first sentinel's. */
    HostAndPort firstAddress() {
        return sentinel().map(s -> s.sentinels().iterator().next()).orElseGet(() -> JedisURIHelper.getHostAndPort(url));
    }

    boolean tls() {
        return sentinel().isPresent() ? url.getScheme().equals(SENTINEL_TLS_SCHEME) : JedisURIHelper.isRedisSSLScheme(url);
    }

    String user() {
        return sentinel().isPresent() ? credential(0) : JedisURIHelper.getUser(url);
    }

    String password() {
        return sentinel().isPresent() ? credential(1) : JedisURIHelper.getPassword(url);
    }

    /** The database of the URL's path, if it names one. */
    Optional<Integer> database() {
        return JedisURIHelper.hasDbIndex(url) ? Optional.of(JedisURIHelper.getDBIndex(url)) : Optional.empty();
    }

    /** For the log: where Redis is, never the credentials. */
    String describe() {
        String where = sentinel().map(s -> "master " + s.masterName() + " of the sentinels "
                        + s.sentinels().stream().map(HostAndPort::toString).collect(Collectors.joining(",")))
                .orElseGet(() -> firstAddress().toString());
        return where + (tls() ? " (TLS)" : "");
    }

    private static boolean isSentinelScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals(SENTINEL_SCHEME) || scheme.equals(SENTINEL_TLS_SCHEME);
    }

    private static Sentinel parseSentinel(URI url) {
        String master = url.getFragment();
        String authority = url.getRawAuthority();
        if (master == null || master.isBlank() || authority == null) {
            throw new IllegalArgumentException("latchkey.redis.url must look like"
                    + " redis-sentinel://host1:26379,host2:26379#mymaster (the sentinels, then the master's name after #)");
        }
        Set<HostAndPort> sentinels = new LinkedHashSet<>();
        for (String address : authority.substring(authority.lastIndexOf('@') + 1).split(",")) {
            sentinels.add(sentinelAddress(address.trim()));
        }
        return new Sentinel(master, Collections.unmodifiableSet(sentinels));
    }

    private static HostAndPort sentinelAddress(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("latchkey.redis.url names a sentinel without a host");
        }
        try {
            return new HostAndPort(host, colon < 0 ? SENTINEL_PORT : Integer.parseInt(address.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latchkey.redis.url names a sentinel with a port that is no number: " + host, e);
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

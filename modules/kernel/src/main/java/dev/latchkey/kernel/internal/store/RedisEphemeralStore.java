package dev.latchkey.kernel.internal.store;

import dev.latchkey.kernel.api.EphemeralStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The shared store of a cluster: every key lives in Redis with its TTL, so all nodes see the
 * same sessions and a single-use entry is taken by exactly one of them ({@code GETDEL}).
 */
final class RedisEphemeralStore implements EphemeralStore {

    private static final String PREFIX = "latchkey:";

    /** SADD and PEXPIRE as one step: a set never lives on without its time to live. */
    private static final String ADD_TO_SET = "redis.call('SADD', KEYS[1], ARGV[1]); "
            + "return redis.call('PEXPIRE', KEYS[1], ARGV[2])";

    private final UnifiedJedis redis;

    RedisEphemeralStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void put(String key, String value, Duration ttl) {
        redis.set(PREFIX + key, value, SetParams.setParams().px(ttl.toMillis()));
    }

    @Override
    public boolean putIfAbsent(String key, String value, Duration ttl) {
        return "OK".equals(redis.set(PREFIX + key, value, SetParams.setParams().nx().px(ttl.toMillis())));
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(redis.get(PREFIX + key));
    }

    @Override
    public Optional<String> take(String key) {
        return Optional.ofNullable(redis.getDel(PREFIX + key));
    }

    @Override
    public void delete(String key) {
        redis.del(PREFIX + key);
    }

    @Override
    public void addToSet(String key, String member, Duration ttl) {
        redis.eval(ADD_TO_SET, List.of(PREFIX + key), List.of(member, Long.toString(ttl.toMillis())));
    }

    @Override
    public boolean removeFromSet(String key, String member) {
        return redis.srem(PREFIX + key, member) > 0;
    }

    @Override
    public Set<String> members(String key) {
        return redis.smembers(PREFIX + key);
    }

    @Override
    public boolean isAvailable() {
        try {
            return "PONG".equals(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public String kind() {
        return "redis";
    }
}

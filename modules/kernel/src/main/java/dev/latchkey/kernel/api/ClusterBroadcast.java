package dev.latchkey.kernel.api;

import java.util.regex.Pattern;

/**
 * Tells every node of the cluster a small fact, typically "this cached thing changed": a
 * {@link ClusterMessage} is fired as a CDI event on every node. On the publishing node it is
 * fired before {@link #publish} returns (with {@link ClusterMessage#fromThisNode()} true); on
 * the others, when {@code LATCHKEY_REDIS_URL} is set, within milliseconds through Redis
 * pub/sub. Without Redis there is one node, so only the local delivery happens.
 *
 * <p>Delivery to other nodes is at most once: a message published while Redis is unreachable
 * is lost (and logged), and a node whose subscription was interrupted is told so by
 * {@link ClusterMessagesMissed} once it is subscribed again. So a cache that listens must also
 * expire on its own.
 */
@FunctionalInterface
public interface ClusterBroadcast {

    /** A topic: lower-case letters, digits, dots and dashes, at most 64 characters ({@code oauth.client-changed}). */
    Pattern TOPIC = Pattern.compile("[a-z0-9.-]{1,64}");

    /** The longest payload, in characters: an id or two, never an entity. */
    int MAX_PAYLOAD = 1024;

    /**
     * Publishes {@code payload} on {@code topic}. Never throws for an unreachable Redis.
     *
     * @throws IllegalArgumentException when the topic does not match {@link #TOPIC} or the
     *         payload is null or longer than {@link #MAX_PAYLOAD}
     */
    void publish(String topic, String payload);
}

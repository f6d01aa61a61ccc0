package dev.latchkey.kernel.api;

import java.time.Instant;

/**
 * Fired on a node whose subscription to the other nodes' {@link ClusterMessage}s was
 * interrupted (Redis restarted or unreachable) and is back: messages of the interval are lost,
 * so each cache that listens to broadcasts forgets everything it holds.
 *
 * @param occurredAt when the subscription was restored
 */
public record ClusterMessagesMissed(Instant occurredAt) {

    public static ClusterMessagesMissed now() {
        return new ClusterMessagesMissed(Instant.now());
    }
}

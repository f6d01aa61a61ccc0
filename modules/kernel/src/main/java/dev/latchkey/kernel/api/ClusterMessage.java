package dev.latchkey.kernel.api;

/**
 * A message published with {@link ClusterBroadcast}, fired as a CDI event on every node.
 * Observers pick their topic and usually ignore messages {@link #fromThisNode()}: the publishing
 * node has acted on its own change already.
 *
 * @param topic        what the message is about, e.g. {@code oauth.client-changed}
 * @param payload      what changed, e.g. a client id
 * @param fromThisNode true on the node that published it
 */
public record ClusterMessage(String topic, String payload, boolean fromThisNode) {

    /** Checks a topic and a payload against the rules of {@link ClusterBroadcast#publish}. */
    public ClusterMessage {
        if (topic == null || !ClusterBroadcast.TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Not a broadcast topic: " + topic);
        }
        if (payload == null || payload.length() > ClusterBroadcast.MAX_PAYLOAD) {
            throw new IllegalArgumentException("A broadcast payload must be present and at most "
                    + ClusterBroadcast.MAX_PAYLOAD + " characters");
        }
    }
}

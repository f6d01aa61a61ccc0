package dev.latchkey.kernel.testing;

import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ClusterBroadcast} of a node alone: records what it publishes, in order, and tells nobody. */
public final class RecordingBroadcast implements ClusterBroadcast {

    private final List<ClusterMessage> published = new CopyOnWriteArrayList<>();

    @Override
    public void publish(String topic, String payload) {
        published.add(new ClusterMessage(topic, payload, true));
    }

    /** Every message published so far, in order. */
    public List<ClusterMessage> published() {
        return published;
    }
}

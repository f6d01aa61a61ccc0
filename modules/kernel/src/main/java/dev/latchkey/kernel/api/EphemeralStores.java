package dev.latchkey.kernel.api;

import dev.latchkey.kernel.internal.store.InProcessEphemeralStore;
import java.time.Clock;

/** The {@link EphemeralStore}s the kernel makes outside CDI. */
public final class EphemeralStores {

    private EphemeralStores() {
    }

    /**
     * The embedded default's store: entries in this JVM's memory, expiring on {@code clock}. It is
     * also what single-node tests use, so they run against the real store rather than a fake.
     */
    public static EphemeralStore inProcess(Clock clock) {
        return new InProcessEphemeralStore(clock);
    }
}

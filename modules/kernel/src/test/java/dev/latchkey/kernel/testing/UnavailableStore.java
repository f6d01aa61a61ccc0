package dev.latchkey.kernel.testing;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import java.lang.reflect.Proxy;
import java.net.ConnectException;

/**
 * An {@link EphemeralStore} whose Redis is down: every operation throws
 * {@link EphemeralStoreUnavailableException} as the real Redis store does, {@code isAvailable} is
 * false. A proxy, so it follows every operation the interface gains.
 */
public final class UnavailableStore {

    private UnavailableStore() {
    }

    public static EphemeralStore create() {
        return (EphemeralStore) Proxy.newProxyInstance(EphemeralStore.class.getClassLoader(),
                new Class<?>[] {EphemeralStore.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "isAvailable" -> false;
                    case "kind" -> "redis";
                    case "toString" -> "UnavailableStore";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> throw new EphemeralStoreUnavailableException("Redis at 127.0.0.1:6379 does not answer",
                            new ConnectException("Connection refused"));
                });
    }
}

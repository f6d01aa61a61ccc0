package dev.latchkey.server.health;

import dev.latchkey.kernel.api.EphemeralStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the session store answers (Redis when configured; in-process always does). */
@Readiness
@ApplicationScoped
public class EphemeralStoreReadiness implements HealthCheck {

    @Inject
    EphemeralStore store;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("session-store")
                .status(store.isAvailable())
                .withData("kind", store.kind())
                .build();
    }
}

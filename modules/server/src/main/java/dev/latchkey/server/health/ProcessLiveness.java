package dev.latchkey.server.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the JVM has memory to work with; a restart is the cure only for that, so the
 * database and Redis are readiness concerns, not liveness ones.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    static final double MAX_HEAP_USE = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        double used = (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
        return HealthCheckResponse.named("heap").status(used < MAX_HEAP_USE).build();
    }
}

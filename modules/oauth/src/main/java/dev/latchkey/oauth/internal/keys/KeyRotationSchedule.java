package dev.latchkey.oauth.internal.keys;

import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@link #PERIOD}, from start-up on (after the keys are loaded): rotates the signing keys
 * that are due ({@code latchkey.oauth.key-rotation-interval}), or with rotation switched off only
 * reloads them — either way a node sees other nodes' rotations within a period. Runs on
 * Liberty's managed scheduled executor ({@code concurrent-3.0}).
 */
@ApplicationScoped
public class KeyRotationSchedule {

    /** How often the keys are checked and reloaded. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(KeyRotationSchedule.class.getName());

    /**
     * The default ManagedScheduledExecutorService, typed by the interface it extends: its API
     * jar is no named module the module-info could require.
     */
    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService executor;

    @Inject
    SigningKeys keys;

    @Inject
    OAuthSettings settings;

    private ScheduledFuture<?> task;

    // after SigningKeys.onStart (default priority): the keys are loaded when the first check runs
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ServerStarting starting) {
        Optional<Duration> interval = settings.keyRotationInterval();
        LOG.info(() -> interval.map(value -> "Signing keys rotate every " + value)
                .orElse("Signing keys rotate only when an admin asks"));
        task = executor.scheduleWithFixedDelay(() -> check(keys, interval), 0, PERIOD.toSeconds(), TimeUnit.SECONDS);
    }

    /** One check; never throws, so a failed check does not cancel the later ones. */
    static void check(SigningKeys keys, Optional<Duration> interval) {
        try {
            if (interval.isPresent()) {
                keys.rotateDue(interval.get());
            } else {
                keys.reload();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The signing-key check failed; trying again in " + PERIOD, e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}

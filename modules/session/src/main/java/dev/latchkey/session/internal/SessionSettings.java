package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session module's settings: idle and absolute timeouts, the per-user limit and its policy,
 * how long a device stays known, and whether cookies are {@code __Host-} + Secure.
 */
@ApplicationScoped
class SessionSettings {

    private Duration idleTimeout;
    private Duration maxLifetime;
    private int maxPerUser;
    private LimitPolicy limitPolicy;
    private Duration knownDeviceLifetime;
    private boolean secureCookies;

    @Inject
    SessionSettings(@ConfigProperty(name = "latchkey.session.idle-timeout") Duration idleTimeout,
                    @ConfigProperty(name = "latchkey.session.max-lifetime") Duration maxLifetime,
                    @ConfigProperty(name = "latchkey.session.max-per-user") int maxPerUser,
                    @ConfigProperty(name = "latchkey.session.limit-policy") String limitPolicy,
                    @ConfigProperty(name = "latchkey.session.known-device-lifetime") Duration knownDeviceLifetime,
                    ServerSettings server) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()
                || knownDeviceLifetime.isNegative() || knownDeviceLifetime.isZero()) {
            throw new IllegalArgumentException("latchkey.session.idle-timeout, max-lifetime and known-device-lifetime "
                    + "must be positive durations");
        }
        if (maxPerUser < 0) {
            throw new IllegalArgumentException("latchkey.session.max-per-user must be 0 (unlimited) or more, not "
                    + maxPerUser);
        }
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.maxPerUser = maxPerUser;
        this.limitPolicy = LimitPolicy.of(limitPolicy);
        this.knownDeviceLifetime = knownDeviceLifetime;
        this.secureCookies = CookieNames.secureContext(server.publicUrl());
    }

    /** For CDI's client proxy only. */
    SessionSettings() {
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    Duration maxLifetime() {
        return maxLifetime;
    }

    /** The most live sessions a user may have; 0 for no limit. */
    int maxPerUser() {
        return maxPerUser;
    }

    LimitPolicy limitPolicy() {
        return limitPolicy;
    }

    Duration knownDeviceLifetime() {
        return knownDeviceLifetime;
    }

    boolean secureCookies() {
        return secureCookies;
    }
}

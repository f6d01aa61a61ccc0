package dev.latchkey.session.internal;

import dev.latchkey.kernel.api.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The session module's settings: idle and absolute timeouts and the cookie's name. */
@ApplicationScoped
class SessionSettings {

    private Duration idleTimeout;
    private Duration maxLifetime;
    private boolean secureCookies;

    @Inject
    SessionSettings(@ConfigProperty(name = "latchkey.session.idle-timeout") Duration idleTimeout,
                    @ConfigProperty(name = "latchkey.session.max-lifetime") Duration maxLifetime,
                    ServerSettings server) {
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
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

    boolean secureCookies() {
        return secureCookies;
    }
}

package dev.latchkey.oauth.internal.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the signing keys of every algorithm (ES256, RS256, PS256, EdDSA) are decrypted and in memory: no token can be issued before. */
@Readiness
@ApplicationScoped
public class SigningKeysReadiness implements HealthCheck {

    @Inject
    SigningKeys keys;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("signing-keys").status(keys.isReady()).build();
    }
}

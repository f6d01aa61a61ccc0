package dev.latchkey.session.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A login that just succeeded: who, by which methods ({@code amr}), at which authentication
 * context class ({@code acr}, {@code null} when none is asserted), when, and from which device.
 */
public record NewSession(UUID userId, List<String> authenticationMethods, String acr, Instant authenticatedAt,
                         LoginDevice device) {

    public NewSession {
        authenticationMethods = List.copyOf(authenticationMethods);
    }
}

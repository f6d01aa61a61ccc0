package dev.latchkey.identity.internal.login;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A login between two steps, as kept in the ephemeral store (JSON): who is logging in, the steps
 * still to pass (the first is the one expected next), the {@code amr} values earned so far, where
 * the attempt comes from, how often the current step failed, and when the login expires.
 */
public record PendingLogin(UUID userId, String username, List<String> remainingSteps, List<String> methods,
                           String remoteAddress, String userAgent, String clientId, int failedAttempts,
                           Instant expiresAt) {

    public PendingLogin {
        remainingSteps = List.copyOf(remainingSteps);
        methods = List.copyOf(methods);
    }

    /** The id of the step expected next. */
    public String nextStep() {
        return remainingSteps.get(0);
    }

    /** This login after one more failure of the current step. */
    public PendingLogin withFailedAttempt() {
        return new PendingLogin(userId, username, remainingSteps, methods, remoteAddress, userAgent, clientId,
                failedAttempts + 1, expiresAt);
    }

    /** This login after the current step passed and added {@code method}; the next step starts with no failure. */
    public PendingLogin passed(String method) {
        List<String> earned = new ArrayList<>(methods);
        if (!earned.contains(method)) {
            earned.add(method);
        }
        return new PendingLogin(userId, username, remainingSteps.subList(1, remainingSteps.size()), earned,
                remoteAddress, userAgent, clientId, 0, expiresAt);
    }

    /** True when no step remains. */
    public boolean allStepsPassed() {
        return remainingSteps.isEmpty();
    }
}

package dev.latchkey.identity.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a login stands after one submission. */
public sealed interface LoginProgress {

    /** Every required step passed: the user is authenticated with these {@code amr} values. */
    record Completed(UUID userId, List<String> authenticationMethods, Instant authenticatedAt) implements LoginProgress {
        public Completed {
            authenticationMethods = List.copyOf(authenticationMethods);
        }
    }

    /** The user is identified but must pass {@code stepId} next; {@code flowId} carries the state. */
    record StepRequired(String flowId, String stepId) implements LoginProgress {
    }

    /**
     * Refused. {@code reason} is a message key shown to the user; it is the same for an unknown
     * user and a wrong password.
     */
    record Failed(String reason) implements LoginProgress {
    }
}

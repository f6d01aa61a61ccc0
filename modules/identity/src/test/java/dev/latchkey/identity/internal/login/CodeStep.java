package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.api.AuthenticationStep;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A step that wants {@code code} for the users it was told about. */
record CodeStep(String id, int order, String authenticationMethod, Set<UUID> users, String code)
        implements AuthenticationStep {

    @Override
    public boolean isRequiredFor(UUID userId) {
        return users.contains(userId);
    }

    @Override
    public boolean verify(UUID userId, Map<String, String> input) {
        if ("explode".equals(input.get("code"))) {
            throw new IllegalStateException("the step's backend is down");
        }
        return users.contains(userId) && code.equals(input.get("code"));
    }
}

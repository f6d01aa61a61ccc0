package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.consent.Consent;
import java.time.Instant;
import java.util.List;

/**
 * One of the signed-in user's consents: the client (its id, and its name while it exists), the
 * scopes granted, and when they were last granted.
 */
public record ConsentResponse(String clientId, String clientName, List<String> scopes, Instant grantedAt) {

    static ConsentResponse of(Consent consent, String clientName) {
        return new ConsentResponse(consent.clientId(), clientName, List.copyOf(consent.scope().values()),
                consent.grantedAt());
    }
}

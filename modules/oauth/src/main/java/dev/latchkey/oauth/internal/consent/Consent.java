package dev.latchkey.oauth.internal.consent;

import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The scopes a user granted a client on the consent page; {@code grantedAt} is the time of the
 * last grant (a later grant of new scopes widens the consent).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
public record Consent(UUID userId, String clientId, Scope scope, Instant grantedAt) {

    /** True when every token of {@code requested} was granted. */
    public boolean covers(Scope requested) {
        return scope.containsAll(requested);
    }

    /** This consent widened by {@code more}, granted at {@code now}. */
    public Consent widenedBy(Scope more, Instant now) {
        Set<String> all = new LinkedHashSet<>(scope.values());
        all.addAll(more.values());
        return new Consent(userId, clientId, new Scope(all), now);
    }
}

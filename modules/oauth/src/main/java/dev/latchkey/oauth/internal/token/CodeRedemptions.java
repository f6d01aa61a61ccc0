package dev.latchkey.oauth.internal.token;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Remembers, for ten minutes, which refresh-token family each redeemed code produced, so that a
 * replayed code revokes what the code issued (RFC 6749 §4.1.2: the server SHOULD revoke all
 * tokens previously issued based on that code). Kept in the ephemeral store, under the hash of
 * the code, so every node sees it.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
@ApplicationScoped
public class CodeRedemptions {

    static final Duration MEMORY = Duration.ofMinutes(10);
    private static final String PREFIX = "oauth:redeemed-code:";

    private EphemeralStore store;

    @Inject
    public CodeRedemptions(EphemeralStore store) {
        this.store = store;
    }

    /** For CDI's client proxy only. */
    protected CodeRedemptions() {
    }

    /** Records that {@code code} was redeemed into this refresh-token family. */
    public void remember(String code, UUID familyId) {
        store.put(PREFIX + SecureTokens.hash(code), familyId.toString(), MEMORY);
    }

    /** The family a redeemed code produced, if it was redeemed in the last ten minutes. */
    public Optional<UUID> familyOf(String code) {
        return store.get(PREFIX + SecureTokens.hash(code)).map(UUID::fromString);
    }
}

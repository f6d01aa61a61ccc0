package dev.latchkey.oauth.internal.consent;

import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.RefreshTokenService;
import dev.latchkey.oauth.internal.token.RefreshTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's consents to third-party clients: remembered per user and client, widened when the user
 * grants new scopes, and revoked by the user together with what the client holds of them — its
 * refresh tokens of this user and, through the grant deny-list, the access tokens issued with them.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
@ApplicationScoped
@Transactional
public class ConsentService {

    private Consents consents;
    private RefreshTokens refreshTokens;
    private RefreshTokenService refreshTokenService;

    @Inject
    public ConsentService(Consents consents, RefreshTokens refreshTokens, RefreshTokenService refreshTokenService) {
        this.consents = consents;
        this.refreshTokens = refreshTokens;
        this.refreshTokenService = refreshTokenService;
    }

    /** For CDI's client proxy only. */
    protected ConsentService() {
    }

    /** The user's consent to the client; empty when the user never granted it anything. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Consent> find(UUID userId, String clientId) {
        return consents.find(userId, clientId);
    }

    /** Records that the user granted the client {@code scope} at {@code now}, on top of what it had. */
    public Consent grant(UUID userId, String clientId, Scope scope, Instant now) {
        Consent widened = consents.find(userId, clientId)
                .map(existing -> existing.widenedBy(scope, now))
                .orElseGet(() -> new Consent(userId, clientId, scope, now));
        consents.save(widened);
        return widened;
    }

    /** The user's consents, by client id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Consent> ofUser(UUID userId) {
        return consents.ofUser(userId);
    }

    /**
     * Revokes the user's consent to the client and every refresh-token family the client holds of
     * the user (and so their access tokens); false, changing nothing, when there was no consent.
     */
    public boolean revoke(UUID userId, String clientId, Instant now) {
        if (!consents.delete(userId, clientId)) {
            return false;
        }
        refreshTokens.liveFamilies(userId, clientId).forEach(family -> refreshTokenService.revokeFamily(family, now));
        return true;
    }
}

package dev.latchkey.oauth.internal.token;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and rotates opaque refresh tokens: 256 random bits, stored only as SHA-256. Each use
 * marks the token used and issues its successor in the same family, in one transaction; a
 * conditional update makes one of two concurrent refreshes the winner, and the loser revokes the
 * family, as any second presentation of a used token does (RFC 9700 §4.14.2).
 *
 * <p>Lifetime: a family lives for the client's {@code refresh_token_lifetime} (else the server's
 * {@code refresh-token-ttl}) from its first token; a successor keeps the family's expiry, so
 * rotating never extends a grant (RFC 9700 §4.14.2 lets a server bound a refresh token's life
 * however its rotation goes). A lifetime changed later applies to new families.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
@ApplicationScoped
@Transactional
public class RefreshTokenService {

    private RefreshTokens tokens;
    private OAuthSettings settings;
    private RevokedAccessTokens revokedAccessTokens;

    @Inject
    public RefreshTokenService(RefreshTokens tokens, OAuthSettings settings, RevokedAccessTokens revokedAccessTokens) {
        this.tokens = tokens;
        this.settings = settings;
        this.revokedAccessTokens = revokedAccessTokens;
    }

    /** For CDI's client proxy only. */
    protected RefreshTokenService() {
    }

    /** A refresh token that starts a new family for a grant with a user, authorized without resources. */
    public IssuedRefreshToken issue(TokenGrant grant, Instant now) {
        return issue(grant, List.of(), now);
    }

    /** A refresh token that starts a new family for a grant with a user, authorized for {@code resources}. */
    public IssuedRefreshToken issue(TokenGrant grant, List<String> resources, Instant now) {
        UUID familyId = Ids.newId();
        Instant expiresAt = now.plus(grant.client().refreshTokenLifetime(settings.refreshTokenTtl()));
        return new IssuedRefreshToken(store(familyId, grant.client().clientId(), grant.user().id(), grant.sessionId(),
                grant.scope().toString(), grant.authTime() == null ? now : grant.authTime(),
                grant.authenticationMethods(), resources, grant.claims().toJson(), now, expiresAt), familyId);
    }

    /** The stored token behind a presented value. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RefreshToken> find(String token) {
        return tokens.find(SecureTokens.hash(token));
    }

    /**
     * Uses {@code current} and returns its successor (same family, scope, authentication, claims
     * and expiry); empty when another request used it first, in which case the family is revoked.
     */
    public Optional<String> rotate(RefreshToken current, Instant now) {
        if (!tokens.markUsed(current.tokenHash(), now)) {
            revokeFamily(current.familyId(), now);
            return Optional.empty();
        }
        return Optional.of(store(current.familyId(), current.clientId(), current.userId(), current.sessionId(),
                current.scope(), current.authTime(), current.authenticationMethods(), current.resources(),
                current.claims(), now,
                current.expiresAt()));
    }

    /**
     * Revokes every token of a family (reuse detected, a code replayed, RFC 7009 revocation) and
     * the access tokens issued with it: their grant goes on the deny-list for as long as an access
     * token issued up to now can live, whatever its client's lifetime (RFC 7009 §2.1: revoking a
     * refresh token SHOULD invalidate the access tokens of the same grant).
     */
    public void revokeFamily(UUID familyId, Instant now) {
        tokens.revokeFamily(familyId, now);
        revokedAccessTokens.revokeGrant(familyId, now.plus(settings.longestAccessTokenLifetime()));
    }

    private String store(UUID familyId, String clientId, UUID userId, String sessionId, String scope,
                         Instant authTime, List<String> methods, List<String> resources, String claims, Instant now,
                         Instant expiresAt) {
        String value = SecureTokens.newToken();
        tokens.insert(new RefreshToken(SecureTokens.hash(value), familyId, clientId, userId, sessionId, scope,
                authTime, methods, now, expiresAt, null, null, resources, claims));
        return value;
    }
}

package dev.latchkey.oauth.internal.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks Latchkey's own access tokens (RFC 9068 §4: {@code typ at+jwt}, signature with one of our
 * keys, {@code iss}, {@code exp}) for the endpoints that accept them. An ES256 verification costs
 * ~1 ms of CPU, so verified tokens are remembered, keyed by the SHA-256 of the token, until they
 * expire; at most {@link #MAX_ENTRIES} of them. A token that verifies is then looked up in the
 * deny-list of revoked tokens ({@link RevokedAccessTokens}, which keeps that lookup off the store
 * on the hot path): a revoked token is {@code invalid_token} like an expired one.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-4">RFC 9068 §4</a>
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final int MAX_ENTRIES = 10_000;

    private final ExpiringCache<String, VerifiedAccessToken> verified = new ExpiringCache<>(MAX_ENTRIES);
    private SigningKeys keys;
    private ServerSettings server;
    private RevokedAccessTokens revoked;
    private Clock clock;

    @Inject
    public AccessTokenVerifier(SigningKeys keys, ServerSettings server, RevokedAccessTokens revoked) {
        this(keys, server, revoked, Clock.systemUTC());
    }

    public AccessTokenVerifier(SigningKeys keys, ServerSettings server, RevokedAccessTokens revoked, Clock clock) {
        this.keys = keys;
        this.server = server;
        this.revoked = revoked;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected AccessTokenVerifier() {
    }

    /** The verified claims of {@code token}; {@code invalid_token} when it is not a live token of ours. */
    public VerifiedAccessToken verify(String token) {
        Instant now = clock.instant();
        String key = SecureTokens.hash(token);
        VerifiedAccessToken checked = verified.get(key, now).orElse(null);
        if (checked == null) {
            checked = verifyUncached(token, now);
            verified.put(key, checked, checked.expiresAt(), now);
        }
        // only a token that verified reaches the deny-list, so forgeries cost no store read
        if (revoked.isRevoked(checked.jwtId(), checked.expiresAt())
                || checked.grantId() != null && revoked.isGrantRevoked(checked.grantId(), checked.expiresAt())) {
            throw OAuthException.invalidToken("The access token was revoked");
        }
        return checked;
    }

    /** How many verified tokens are remembered. */
    int cached() {
        return verified.size();
    }

    private VerifiedAccessToken verifyUncached(String token, Instant now) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw OAuthException.invalidToken("The access token is not a JWT");
        }
        // RFC 9068 §4: the typ header MUST be checked, so an ID token is not taken for an access token
        if (!AccessTokens.TYPE.equals(jwt.getHeader().getType())) {
            throw OAuthException.invalidToken("The token is not an access token");
        }
        if (!jwt.getHeader().getAlgorithm().equals(AccessTokens.ALGORITHM) || !keys.signed(jwt)) {
            throw OAuthException.invalidToken("The access token's signature is not valid");
        }
        if (!server.issuer().equals(claims.getIssuer())) {
            throw OAuthException.invalidToken("The access token was issued by someone else");
        }
        Date expiration = claims.getExpirationTime();
        if (expiration == null || !now.isBefore(expiration.toInstant())) {
            throw OAuthException.invalidToken("The access token expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant())) {
            throw OAuthException.invalidToken("The access token is not valid yet");
        }
        String subject = claims.getSubject();
        if (subject == null) {
            throw OAuthException.invalidToken("The access token has no subject");
        }
        // RFC 9068 §2.2: jti is REQUIRED; without one a token could not be revoked
        if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
            throw OAuthException.invalidToken("The access token has no jti");
        }
        try {
            return new VerifiedAccessToken(subject, claims.getStringClaim("client_id"),
                    Scope.parse(claims.getStringClaim("scope")), expiration.toInstant(), claims.getJWTID(),
                    instant(claims.getIssueTime()), instant(claims.getNotBeforeTime()), claims.getAudience(),
                    claims.getStringClaim("preferred_username"), claims.getIssuer(),
                    claims.getStringClaim(AccessTokens.GRANT_ID), userinfoClaims(claims));
        } catch (ParseException | OAuthException e) {
            throw OAuthException.invalidToken("The access token's claims are malformed");
        }
    }

    private static Set<String> userinfoClaims(JWTClaimsSet claims) throws ParseException {
        List<String> names = claims.getStringListClaim(AccessTokens.USERINFO_CLAIMS);
        return names == null ? Set.of() : Set.copyOf(names);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}

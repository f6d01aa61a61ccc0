package dev.latchkey.oauth.internal.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.resource.AccessTokenAudience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints JWT access tokens (ES256, {@code typ: at+jwt}) that live for the client's
 * {@code access_token_lifetime}, else the server's {@code access-token-ttl}. User tokens carry {@code groups} (the
 * user's roles, so MicroProfile JWT {@code @RolesAllowed} works) and {@code upn} /
 * {@code preferred_username}; client-credentials tokens have the client id as {@code sub}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9068#section-2">RFC 9068 §2</a>
 */
@ApplicationScoped
public class AccessTokens {

    /** RFC 9068 §2.1: the {@code typ} header value; resource servers MUST check it. */
    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    /** Access tokens are ES256: cheap to issue (see STACK.md's crypto costs). */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    private SigningKeys keys;
    private ServerSettings server;
    private OAuthSettings settings;

    @Inject
    public AccessTokens(SigningKeys keys, ServerSettings server, OAuthSettings settings) {
        this.keys = keys;
        this.server = server;
        this.settings = settings;
    }

    /** For CDI's client proxy only. */
    protected AccessTokens() {
    }

    /**
     * The claim naming the refresh-token family an access token was issued with, so that
     * revoking the family (RFC 7009 §2.1, reuse detection, a replayed code) revokes the access
     * tokens of that grant too.
     */
    public static final String GRANT_ID = "grant_id";

    /**
     * The claim listing the user claims the authorization request's {@code claims} parameter asked
     * of userinfo (OIDC Core §5.5), so that userinfo serves them for this token.
     */
    public static final String USERINFO_CLAIMS = "userinfo_claims";

    /** A signed access token for the grant, issued at {@code now}, outside any refresh-token family. */
    public MintedToken mint(TokenGrant grant, Instant now) {
        return mint(grant, null, now);
    }

    /** A signed access token for the grant, issued at {@code now} with the refresh-token family {@code grantId} (or null). */
    public MintedToken mint(TokenGrant grant, UUID grantId, Instant now) {
        return mint(grant, AccessTokenAudience.DEFAULT, grantId, now);
    }

    /**
     * A signed access token for the grant whose {@code aud} is the audience's resources (RFC 8707
     * §2), or the configured audience (the issuer unless {@code latchkey.oauth.access-token-audience}
     * is set) when the request named none. The grant's scope is taken as it is: the caller narrows it.
     */
    public MintedToken mint(TokenGrant grant, AccessTokenAudience audience, UUID grantId, Instant now) {
        // the client's own lifetime (its metadata), else the server's
        Instant expiresAt = now.plus(grant.client().accessTokenLifetime(settings.accessTokenTtl()));
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat and jti are REQUIRED
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .audience(audience.isDefault() ? List.of(settings.accessTokenAudience().orElse(server.issuer()))
                        : audience.resources())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(Ids.newId().toString())
                .claim("client_id", grant.client().clientId());
        if (!grant.scope().isEmpty()) {
            claims.claim("scope", grant.scope().toString());
        }
        if (grantId != null) {
            claims.claim(GRANT_ID, grantId.toString());
        }
        if (grant.hasUser()) {
            claims.subject(grant.user().id().toString())
                    .claim("upn", grant.user().username())
                    .claim("preferred_username", grant.user().username())
                    .claim("groups", grant.user().roles().stream().sorted().toList());
            if (grant.authTime() != null) {
                claims.claim("auth_time", grant.authTime().getEpochSecond());
            }
            if (!grant.claims().userinfo().isEmpty()) {
                claims.claim(USERINFO_CLAIMS, List.copyOf(grant.claims().userinfo()));
            }
        } else {
            // RFC 9068 §2.2: without a resource owner, sub is the client's identifier
            claims.subject(grant.client().clientId()).claim("groups", List.of());
        }
        return new MintedToken(keys.active(ALGORITHM).sign(TYPE, claims.build()), expiresAt);
    }
}

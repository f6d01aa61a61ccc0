package dev.latchkey.oauth.internal.jwt;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.claims.AuthenticationContexts;
import dev.latchkey.oauth.internal.claims.StandardClaims;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;

/**
 * Mints ID tokens, signed with the algorithm the client registered
 * ({@code id_token_signed_response_alg}: RS256 — the default, which every relying party must
 * accept, OIDC Core §15.1 — ES256, PS256 or EdDSA; OIDC Registration §2).
 * The claims of the scope values (profile, email, address, phone) are not put in: an access
 * token is always issued with the ID token, so they are served by userinfo (OIDC Core §5.4).
 * The user claims the request's {@code claims} parameter asked for in the ID token are, and so
 * is the {@code acr} the login achieved (see {@link AuthenticationContexts}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#IDToken">OIDC Core §2</a>
 */
@ApplicationScoped
public class IdTokens {

    private SigningKeys keys;
    private ServerSettings server;
    private OAuthSettings settings;

    @Inject
    public IdTokens(SigningKeys keys, ServerSettings server, OAuthSettings settings) {
        this.keys = keys;
        this.server = server;
        this.settings = settings;
    }

    /** For CDI's client proxy only. */
    protected IdTokens() {
    }

    /** A signed ID token for a grant with a user, issued with {@code accessToken} at {@code now}. */
    public String mint(TokenGrant grant, String accessToken, Instant now) {
        if (!grant.hasUser()) {
            throw new IllegalArgumentException("An ID token needs a user");
        }
        JWSAlgorithm algorithm = algorithm(grant);
        String clientId = grant.client().clientId();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .subject(grant.user().id().toString())
                .audience(clientId)
                // OIDC Core §2: azp is the party the ID token was issued to
                .claim("azp", clientId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.idTokenTtl())))
                // OIDC Core §3.1.3.6: at_hash when the ID token is issued with an access token
                .claim("at_hash", AtHash.of(accessToken, algorithm));
        if (grant.authTime() != null) {
            claims.claim("auth_time", grant.authTime().getEpochSecond());
        }
        if (grant.nonce() != null) {
            // OIDC Core §3.1.3.7: the nonce of the authentication request MUST come back unchanged
            claims.claim("nonce", grant.nonce());
        }
        if (grant.sessionId() != null) {
            claims.claim("sid", grant.sessionId());
        }
        if (!grant.authenticationMethods().isEmpty()) {
            claims.claim("amr", grant.authenticationMethods());
        }
        String acr = AuthenticationContexts.asserted(grant.authenticationMethods(), grant.claims().acrValues());
        if (acr != null) {
            claims.claim("acr", acr);
        }
        // OIDC Core §5.5: the user claims the claims parameter asked for in the ID token
        StandardClaims.of(grant.user(), grant.claims().idToken()).forEach(claims::claim);
        return keys.active(algorithm).sign(JOSEObjectType.JWT, claims.build());
    }

    /** The client's ID-token algorithm (resolved metadata: never null). */
    private static JWSAlgorithm algorithm(TokenGrant grant) {
        return JWSAlgorithm.parse(grant.client().metadata().idTokenSignedResponseAlg());
    }
}

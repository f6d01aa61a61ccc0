package dev.latchkey.oauth.internal.userinfo;

import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.claims.StandardClaims;
import dev.latchkey.oauth.internal.jwt.AccessTokenVerifier;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The userinfo endpoint's logic: a verified access token with the {@code openid} scope and a
 * user gets {@code sub} and the claims its scopes cover ({@code profile}, {@code email},
 * {@code address}, {@code phone}; OIDC Core §5.4), plus those the authorization request's
 * {@code claims} parameter asked of userinfo (§5.5); claims the user has no value for are left
 * out (§5.3.2). On the
 * hot path neither the signature check nor the user read is repeated on every call (see
 * {@link AccessTokenVerifier} and {@link RecentUsers}).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 */
@ApplicationScoped
public class Userinfo {

    private AccessTokenVerifier verifier;
    private RecentUsers users;

    @Inject
    public Userinfo(AccessTokenVerifier verifier, RecentUsers users) {
        this.verifier = verifier;
        this.users = users;
    }

    /** For CDI's client proxy only. */
    protected Userinfo() {
    }

    /** The claims for a request with this {@code Authorization} header and form token (or null). */
    public Map<String, Object> claims(String authorization, String formToken) {
        VerifiedAccessToken token = verifier.verify(BearerToken.extract(authorization, formToken));
        if (!token.scope().contains(Scope.OPENID)) {
            throw OAuthException.insufficientScope("The access token lacks the openid scope");
        }
        UUID userId = userId(token.subject())
                .orElseThrow(() -> OAuthException.insufficientScope("The access token was not issued for a user"));
        UserView user = users.find(userId).filter(UserView::isActive)
                .orElseThrow(() -> OAuthException.invalidToken("The user is disabled or no longer exists"));
        Set<String> names = new LinkedHashSet<>(StandardClaims.forScope(token.scope()));
        names.addAll(token.userinfoClaims());
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.id().toString());
        claims.putAll(StandardClaims.of(user, names));
        return claims;
    }

    private static Optional<UUID> userId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

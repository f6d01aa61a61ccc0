package dev.latchkey.oauth.internal.logout;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Mints logout tokens: JWTs of type {@code logout+jwt}, signed with the key of the client's ID-token
 * algorithm, with {@code iss}, {@code aud} (the client), {@code iat}, a short {@code exp},
 * a unique {@code jti}, {@code sub}, {@code sid} (always, so {@code backchannel_logout_session_required}
 * is always met) and the back-channel logout {@code events} member; never a {@code nonce}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-backchannel-1_0.html#LogoutToken">Back-Channel Logout §2.4</a>
 */
@ApplicationScoped
public class LogoutTokens {

    /** The logout token's media type, in its {@code typ} header (Back-Channel Logout §2.4). */
    static final JOSEObjectType TYPE = new JOSEObjectType("logout+jwt");
    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";
    /** How long a logout token is valid: long enough for retries, short enough to be useless later. */
    static final Duration LIFETIME = Duration.ofMinutes(2);

    private SigningKeys keys;
    private ServerSettings server;

    @Inject
    public LogoutTokens(SigningKeys keys, ServerSettings server) {
        this.keys = keys;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected LogoutTokens() {
    }

    /** The logout token telling {@code client} that the session {@code sessionId} of {@code userId} ended. */
    public String mint(RegisteredClient client, UUID userId, String sessionId, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(server.issuer())
                .audience(client.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(SecureTokens.newToken())
                .subject(userId.toString())
                .claim("sid", sessionId)
                .claim("events", Map.of(EVENT, Map.of()))
                .build();
        return keys.active(JWSAlgorithm.parse(client.metadata().idTokenSignedResponseAlg())).sign(TYPE, claims);
    }
}

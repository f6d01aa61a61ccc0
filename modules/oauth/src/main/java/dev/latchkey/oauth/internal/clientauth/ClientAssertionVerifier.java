package dev.latchkey.oauth.internal.clientauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.client.SealedClientSecrets;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Checks a JWT client assertion (RFC 7523 §3, OIDC Core §9) of a known client: its signature (an
 * HS256 MAC with the client secret for {@code client_secret_jwt}; a signature by a registered
 * public key for {@code private_key_jwt}), {@code iss} and {@code sub} the client id, {@code aud}
 * naming this server (its issuer, its token endpoint or the endpoint called), a near
 * {@code exp} (a lifetime of at most {@link #MAX_LIFETIME} is honoured), and a {@code jti} not
 * seen before: it is remembered in the ephemeral store until the assertion expires, so a
 * replay on any node is refused. The answer is yes or no; why not is logged, never told.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7523#section-3">RFC 7523 §3</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#ClientAuthentication">OIDC Core §9</a>
 */
@ApplicationScoped
public class ClientAssertionVerifier {

    /** The longest lifetime an assertion may have left. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** Tolerated clock difference between client and server. */
    static final Duration LEEWAY = Duration.ofSeconds(30);
    static final int MAX_JTI_LENGTH = 256;
    /** The HMAC algorithms of {@code client_secret_jwt}. */
    static final Set<JWSAlgorithm> SECRET_ALGORITHMS = Set.of(JWSAlgorithm.HS256);
    private static final Logger LOG = Logger.getLogger(ClientAssertionVerifier.class.getName());

    private ClientSignatures signatures;
    private SealedClientSecrets secrets;
    private EphemeralStore store;
    private ServerSettings server;
    private Clock clock;

    @Inject
    public ClientAssertionVerifier(ClientSignatures signatures, SealedClientSecrets secrets, EphemeralStore store,
                                   ServerSettings server) {
        this(signatures, secrets, store, server, Clock.systemUTC());
    }

    public ClientAssertionVerifier(ClientSignatures signatures, SealedClientSecrets secrets, EphemeralStore store,
                                   ServerSettings server, Clock clock) {
        this.signatures = signatures;
        this.secrets = secrets;
        this.store = store;
        this.server = server;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ClientAssertionVerifier() {
    }

    /** Every algorithm a client assertion may be signed with, by name, sorted: for the metadata. */
    public static List<String> algorithms() {
        return Stream.concat(SECRET_ALGORITHMS.stream(), ClientSignatures.ASYMMETRIC.stream())
                .map(JWSAlgorithm::getName).sorted().toList();
    }

    /** True when {@code assertion} authenticates {@code client} by {@code method} at {@code endpoint}. */
    public boolean verify(RegisteredClient client, SignedJWT assertion, ClientAuthMethod method,
                          ClientAuthEndpoint endpoint) {
        if (!signed(client, assertion, method)) {
            return refused(client, "the signature does not verify with the client's keys");
        }
        JWTClaimsSet claims;
        try {
            claims = assertion.getJWTClaimsSet();
        } catch (ParseException e) {
            return refused(client, "the claims are not a JSON object");
        }
        Instant now = clock.instant();
        String problem = problem(client, claims, endpoint, now);
        if (problem != null) {
            return refused(client, problem);
        }
        // RFC 7523 §3: the server MAY ensure that JWTs are not replayed by caching jti values
        Duration remembered = Duration.between(now, claims.getExpirationTime().toInstant()).plus(LEEWAY);
        if (!store.putIfAbsent("client-assertion-jti:" + client.clientId() + ":" + SecureTokens.hash(claims.getJWTID()),
                "1", remembered)) {
            return refused(client, "its jti was used before");
        }
        return true;
    }

    private boolean signed(RegisteredClient client, SignedJWT assertion, ClientAuthMethod method) {
        if (method == ClientAuthMethod.PRIVATE_KEY_JWT) {
            return signatures.verify(client, assertion, ClientSignatures.ASYMMETRIC);
        }
        if (!SECRET_ALGORITHMS.contains(assertion.getHeader().getAlgorithm())) {
            return false;
        }
        byte[] secret = secrets.open(client).orElse(null);
        if (secret == null) {
            return false;
        }
        try {
            return assertion.verify(new MACVerifier(secret));
        } catch (JOSEException e) {
            return false;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** What is wrong with the claims, or null when nothing is. */
    private String problem(RegisteredClient client, JWTClaimsSet claims, ClientAuthEndpoint endpoint, Instant now) {
        // RFC 7523 §3: iss and sub MUST be the client id
        if (!client.clientId().equals(claims.getIssuer()) || !client.clientId().equals(claims.getSubject())) {
            return "iss and sub must both be the client id";
        }
        List<String> accepted = List.of(server.issuer(), server.issuer() + ClientAuthEndpoint.TOKEN.path(),
                server.issuer() + endpoint.path());
        if (claims.getAudience().stream().noneMatch(accepted::contains)) {
            return "aud names neither the issuer nor the endpoint";
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return "exp is missing";
        }
        if (!now.isBefore(exp.toInstant().plus(LEEWAY))) {
            return "it expired";
        }
        if (exp.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(LEEWAY))) {
            return "exp is more than " + MAX_LIFETIME.toMinutes() + " minutes ahead";
        }
        if (isFuture(claims.getNotBeforeTime(), now) || isFuture(claims.getIssueTime(), now)) {
            return "nbf or iat is in the future";
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > MAX_JTI_LENGTH) {
            return "jti is missing or longer than " + MAX_JTI_LENGTH + " characters";
        }
        return null;
    }

    private static boolean isFuture(Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now.plus(LEEWAY));
    }

    private static boolean refused(RegisteredClient client, String why) {
        LOG.fine(() -> "Client assertion of " + client.clientId() + " refused: " + why);
        return false;
    }
}

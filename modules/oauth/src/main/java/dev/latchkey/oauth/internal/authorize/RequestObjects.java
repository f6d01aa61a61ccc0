package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST_OBJECT;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CLIENT_ID;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REQUEST_URI;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.RESPONSE_TYPE;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signed request objects (OIDC Core §6.1): the {@code request} parameter of an authorization
 * request is a JWT the client signed with a key it registered, by its registered
 * {@code request_object_signing_alg} or, without one, RS256, PS256, ES256 or EdDSA. Unsigned
 * ({@code alg: none}) and encrypted objects are refused: an object only a client could have made
 * is what makes it worth more than the query. Its claims are authorization parameters and take
 * precedence over the same parameters in the query (§6.3.3); the query's {@code client_id} and
 * {@code response_type} must equal the object's when it has them (§6.1). {@code iss}, when
 * present, must be the client, {@code aud} the issuer (or the authorization endpoint), and an
 * {@code exp} or {@code nbf} must hold now. Every flaw is {@code invalid_request_object}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RequestObject">OIDC Core §6.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RequestParameter">OIDC Core §6.3</a>
 */
@ApplicationScoped
public class RequestObjects {

    /** The longest request object accepted, in characters. */
    static final int MAX_LENGTH = 16_384;
    static final Duration LEEWAY = Duration.ofSeconds(30);
    /** Claims that describe the JWT, not the request: not parameters. */
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "aud", "exp", "iat", "nbf", "jti", "sub");

    private ClientSignatures signatures;
    private ServerSettings server;
    private Clock clock;

    @Inject
    public RequestObjects(ClientSignatures signatures, ServerSettings server) {
        this(signatures, server, Clock.systemUTC());
    }

    public RequestObjects(ClientSignatures signatures, ServerSettings server, Clock clock) {
        this.signatures = signatures;
        this.server = server;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected RequestObjects() {
    }

    /** The JWS algorithms a request object may be signed with, by name, sorted: for the metadata. */
    public static List<String> algorithms() {
        return ClientSignatures.ASYMMETRIC.stream().map(JWSAlgorithm::getName).sorted().toList();
    }

    /**
     * The request's parameters with those of its request object, if it has one, in place of the
     * query's; the {@code request} parameter itself is gone from the result.
     *
     * @throws AuthorizationException {@code invalid_request_object}, or {@code invalid_request}
     *         for a repeated {@code request} or one sent with {@code request_uri}
     */
    AuthorizationParameters resolve(AuthorizationParameters query, RegisteredClient client) {
        if (!query.has(REQUEST)) {
            return query;
        }
        if (query.isRepeated(REQUEST)) {
            throw new AuthorizationException(INVALID_REQUEST, "request included more than once");
        }
        if (query.has(REQUEST_URI)) {
            throw new AuthorizationException(INVALID_REQUEST, "request and request_uri: send one, not both");
        }
        String request = query.single(REQUEST).orElseThrow();
        if (request.length() > MAX_LENGTH) {
            throw invalid("the request object is longer than " + MAX_LENGTH + " characters");
        }
        JWTClaimsSet claims = verified(request, client);
        checkClaims(claims, query, client);
        return query.withRequestObject(parameters(claims));
    }

    private JWTClaimsSet verified(String request, RegisteredClient client) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(request);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            // an unsigned (alg none) or encrypted object does not parse as a JWS
            throw invalid("the request object is not a signed JWT");
        }
        String registered = client.metadata().requestObjectSigningAlg();
        Set<JWSAlgorithm> allowed = registered != null ? Set.of(JWSAlgorithm.parse(registered))
                : ClientSignatures.ASYMMETRIC;
        if (!signatures.verify(client, jwt, allowed)) {
            throw invalid("the request object is not signed by a key of the client with an accepted algorithm");
        }
        return claims;
    }

    private void checkClaims(JWTClaimsSet claims, AuthorizationParameters query, RegisteredClient client) {
        // OIDC Core §6.1: client_id and response_type in the query MUST match the object's
        checkSame(CLIENT_ID, claims, query);
        checkSame(RESPONSE_TYPE, claims, query);
        if (claims.getIssuer() != null && !claims.getIssuer().equals(client.clientId())) {
            throw invalid("iss must be the client id");
        }
        List<String> audience = claims.getAudience();
        if (!audience.isEmpty() && !audience.contains(server.issuer())
                && !audience.contains(server.issuer() + "/authorize")) {
            throw invalid("aud must be the issuer");
        }
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp != null && !now.isBefore(exp.toInstant().plus(LEEWAY))) {
            throw invalid("the request object expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(LEEWAY))) {
            throw invalid("the request object is not valid yet");
        }
        // OIDC Core §6.1: request and request_uri MUST NOT be included in request objects
        if (claims.getClaim(REQUEST) != null || claims.getClaim(REQUEST_URI) != null) {
            throw invalid("a request object may not hold request or request_uri");
        }
    }

    private static void checkSame(String name, JWTClaimsSet claims, AuthorizationParameters query) {
        Object inObject = claims.getClaim(name);
        if (inObject != null && !Objects.equals(inObject.toString(), query.single(name).orElse(null))) {
            throw invalid(name + " differs between the query and the request object");
        }
    }

    /** The object's claims as parameter values: strings as they are, numbers as decimals, objects as JSON. */
    private static Map<String, String> parameters(JWTClaimsSet claims) {
        Map<String, String> parameters = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> {
            if (!JWT_CLAIMS.contains(name) && value != null) {
                parameters.put(name, value instanceof Map<?, ?> map ? json(map) : value.toString());
            }
        });
        return parameters;
    }

    @SuppressWarnings("unchecked")
    private static String json(Map<?, ?> object) {
        return JSONObjectUtils.toJSONString((Map<String, ?>) object);
    }

    private static AuthorizationException invalid(String description) {
        return new AuthorizationException(INVALID_REQUEST_OBJECT, description);
    }
}

package dev.latchkey.oauth.internal.web;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.ApiChallenges;
import dev.latchkey.oauth.internal.jwt.AccessTokens;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.protocol.AuthorizationHeader;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/**
 * Makes Latchkey's own MicroProfile JWT endpoints ({@code /api/...}) refuse a revoked access
 * token: MP JWT checks signature, issuer and expiry, but knows nothing of RFC 7009 revocation, so
 * this filter, right after authentication, asks the same deny-list ({@code jti} and grant) as
 * userinfo and introspection and answers 401 {@code invalid_token} (RFC 6750 §3.1) with a
 * problem body and the API's RFC 9728 {@code resource_metadata} in the challenge.
 *
 * <p>The token's claims are read without checking its signature: the filter only ever refuses, so
 * a forged token can at most get itself refused (MP JWT refuses it anyway), and the read costs no
 * ES256 verification. A token that is not a JWT is left to MP JWT.
 *
 * <p>Fail closed: when the deny-list (Redis) does not answer, the filter does not let the token
 * through unchecked; the store's {@link dev.latchkey.kernel.api.EphemeralStoreUnavailableException}
 * passes and the server answers 503 (problem, {@code Retry-After}) until Redis is back. A token
 * already known on this node as not revoked (for the last second) or revoked still gets its answer.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6750#section-3.1">RFC 6750 §3.1</a>
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)
@ApplicationScoped
public class RevokedBearerTokenFilter implements ContainerRequestFilter {

    static final String PROBLEM_TYPE = "urn:latchkey:problem:invalid-token";
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    private static final String DESCRIPTION = "The access token was revoked";

    // a field, not a constructor parameter: RESTEasy instantiates providers through a public
    // no-argument constructor and leaves the injection to CDI
    @Inject
    RevokedAccessTokens revoked;

    @Inject
    ServerSettings server;

    public RevokedBearerTokenFilter() {
    }

    RevokedBearerTokenFilter(RevokedAccessTokens revoked, ServerSettings server) {
        this.revoked = revoked;
        this.server = server;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("api/") && !path.startsWith("/api/")) {
            return;
        }
        Optional<String> token = AuthorizationHeader.credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                "Bearer");
        if (token.isEmpty()) {
            return;
        }
        Optional<JWTClaimsSet> claims = claims(token.get());
        if (claims.isEmpty() || claims.get().getJWTID() == null || claims.get().getExpirationTime() == null) {
            return;
        }
        Instant expiresAt = claims.get().getExpirationTime().toInstant();
        if (revoked.isRevoked(claims.get().getJWTID(), expiresAt) || grantRevoked(claims.get(), expiresAt)) {
            request.abortWith(refusal(server.issuer()));
        }
    }

    private boolean grantRevoked(JWTClaimsSet claims, Instant expiresAt) {
        Object grantId = claims.getClaim(AccessTokens.GRANT_ID);
        return grantId instanceof String id && revoked.isGrantRevoked(id, expiresAt);
    }

    private static Optional<JWTClaimsSet> claims(String token) {
        try {
            return Optional.of(JWTParser.parse(token).getJWTClaimsSet());
        } catch (ParseException notAJwt) {
            return Optional.empty();
        }
    }

    static Response refusal(String issuer) {
        int status = Response.Status.UNAUTHORIZED.getStatusCode();
        String problem = Json.createObjectBuilder()
                .add("type", PROBLEM_TYPE)
                .add("title", "Invalid token")
                .add("status", status)
                .add("detail", DESCRIPTION)
                .build().toString();
        return NoStore.of(Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, ApiChallenges.invalidToken(issuer, DESCRIPTION))
                .type(PROBLEM_JSON)
                .entity(problem)).build();
    }
}

package dev.latchkey.oauth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStoreUnavailableException;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.kernel.testing.UnavailableStore;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.jwt.VerifiedAccessToken;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RevokedBearerTokenFilterTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final RevokedBearerTokenFilter filter = new RevokedBearerTokenFilter(fixture.revokedAccessTokens,
            fixture.server);

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private String token() {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse("openid"),
                fixture.clock.instant(), List.of("pwd"), null, null), fixture.clock.instant()).value();
    }

    private String revokedToken() {
        String token = token();
        VerifiedAccessToken verified = fixture.verifier.verify(token);
        fixture.revokedAccessTokens.revoke(verified.jwtId(), verified.expiresAt());
        return token;
    }

    /** Runs the filter on a request to {@code path} and returns what it aborted with (null when it let it through). */
    private Response filter(String path, String authorization) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        filter.filter(request(path, authorization, aborted));
        return aborted.get();
    }

    private ContainerRequestContext request(String path, String authorization, AtomicReference<Response> aborted) {
        UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getUriInfo" -> uriInfo;
                    case "getHeaderString" -> "Authorization".equalsIgnoreCase((String) args[0]) ? authorization : null;
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void filterWhenDenyListDoesNotAnswerThenFailsClosedWithStoreUnavailable() {
        // the server maps the exception to 503: a token the deny-list cannot vouch for is not let through
        RevokedBearerTokenFilter withoutRedis = new RevokedBearerTokenFilter(
                new RevokedAccessTokens(UnavailableStore.create(), fixture.clock), fixture.server);
        String token = token();
        ContainerRequestContext request = request("/api/v1/account", "Bearer " + token, new AtomicReference<>());

        assertThrows(EphemeralStoreUnavailableException.class, () -> withoutRedis.filter(request));
    }

    @Test
    void filterRunsRightAfterAuthentication() {
        assertEquals(Priorities.AUTHENTICATION + 1, RevokedBearerTokenFilter.class.getAnnotation(Priority.class).value());
    }

    @Test
    void filterWhenRevokedTokenOnTheApiThen401InvalidTokenProblemWithResourceMetadata() {
        Response response = filter("/api/v1/account", "Bearer " + revokedToken());
        assertEquals(401, response.getStatus());
        String challenge = response.getHeaderString("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"latchkey\", error=\"invalid_token\""), challenge);
        // RFC 9728 §5.1: the challenge names the API's protected resource metadata
        assertTrue(challenge.endsWith(", resource_metadata=\"" + fixture.server.issuer()
                + "/.well-known/oauth-protected-resource\""), challenge);
        assertEquals("application/problem+json", response.getMediaType().toString());
        assertTrue(((String) response.getEntity()).contains("\"status\":401"));
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertEquals(401, filter("api/v1/admin/users", "Bearer " + revokedToken()).getStatus());
    }

    @Test
    void filterWhenLiveTokenThenThrough() {
        assertNull(filter("/api/v1/account", "Bearer " + token()));
    }

    @Test
    void filterWhenNotTheApiOrNoBearerOrNotAJwtThenThrough() {
        String revoked = revokedToken();
        assertNull(filter("/userinfo", "Bearer " + revoked));
        assertNull(filter("/apiary", "Bearer " + revoked));
        assertNull(filter("/api/v1/account", null));
        assertNull(filter("/api/v1/account", "Basic d2ViLWFwcDpzZWNyZXQ="));
        assertNull(filter("/api/v1/account", "Bearer opaque-not-a-jwt"));
        assertNull(filter("/api/v1/account", "Bearer a.b.c"));
    }
    @Test
    void filterWhenTheTokensGrantWasRevokedThen401() {
        java.util.UUID grant = java.util.UUID.randomUUID();
        String token = fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
                Scope.parse("openid"), fixture.clock.instant(), List.of("pwd"), null, null), grant,
                fixture.clock.instant()).value();
        assertNull(filter("/api/v1/account", "Bearer " + token));
        fixture.revokedAccessTokens.revokeGrant(grant, fixture.clock.instant().plusSeconds(300));
        assertEquals(401, filter("/api/v1/account", "Bearer " + token).getStatus());
    }
}

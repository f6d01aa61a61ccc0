package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.discovery.Discovery;
import dev.latchkey.oauth.internal.discovery.ProviderMetadata;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.TokenResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtocolResourcesTest {

    private final OAuthFixture fixture = new OAuthFixture();

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    static HttpServletRequest remote(String address) {
        return (HttpServletRequest) Proxy.newProxyInstance(ProtocolResourcesTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getRemoteAddr")) {
                        return address;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private String userToken(String scope) {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse(scope),
                fixture.clock.instant(), List.of("pwd"), null, null), fixture.clock.instant()).value();
    }

    @Test
    void tokenWhenIssuedThenJsonNoStoreAndPragma() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", "password");
        form.add("client_id", "cli");
        form.add("username", "alice");
        form.add("password", OAuthFixture.PASSWORD);
        Response response = new TokenResource(fixture.endpoint).token(form, null, "curl/8", remote("198.51.100.7"));
        assertEquals(200, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertEquals("no-cache", response.getHeaderString("Pragma"));
        assertTrue(response.getEntity() instanceof TokenResponse);
        assertEquals("198.51.100.7", fixture.logins.lastContext().remoteAddress());
    }

    @Test
    void tokenWhenNotAFormThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> new TokenResource(fixture.endpoint).notAForm());
    }

    @Test
    void mapperWhenInvalidClientViaBasicThen401JsonWithChallengeAndNoStore() {
        Response response = new OAuthExceptionMapper().toResponse(OAuthException.invalidClient("no", true));
        assertEquals(401, response.getStatus());
        assertEquals("Basic realm=\"latchkey\"", response.getHeaderString("WWW-Authenticate"));
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertEquals(new OAuthErrorResponse("invalid_client", "no"), response.getEntity());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
    }

    @Test
    void mapperWhenNoChallengeThenNoWwwAuthenticate() {
        Response response = new OAuthExceptionMapper().toResponse(OAuthException.invalidGrant("no"));
        assertEquals(400, response.getStatus());
        assertNull(response.getHeaderString("WWW-Authenticate"));
    }

    @Test
    void userinfoGetAndPostAnswerClaimsWithNoStore() {
        UserinfoResource resource = new UserinfoResource(fixture.userinfo);
        String token = userToken("openid email");
        Response get = resource.get("Bearer " + token);
        assertEquals("no-store", get.getHeaderString("Cache-Control"));
        assertEquals("alice@example.test", ((Map<?, ?>) get.getEntity()).get("email"));
        Response form = resource.post(null, "application/x-www-form-urlencoded; charset=UTF-8", "access_token=" + token);
        assertEquals(TestUsers.alice().id().toString(), ((Map<?, ?>) form.getEntity()).get("sub"));
        Response header = resource.post("Bearer " + token, null, "");
        assertEquals(200, header.getStatus());
        Response json = resource.post("Bearer " + token, "application/json", "{\"access_token\":\"ignored\"}");
        assertEquals(200, json.getStatus());
        assertEquals(200, resource.post("Bearer " + token, "not a media type;;", "access_token=x").getStatus());
    }

    @Test
    void userinfoPostWhenTokenInHeaderAndFormThenInvalidRequest() {
        String token = userToken("openid");
        assertOAuthError("invalid_request", () -> new UserinfoResource(fixture.userinfo)
                .post("Bearer " + token, "application/x-www-form-urlencoded", "access_token=" + token));
    }

    @Test
    void jwksServesPublicKeysCacheable() throws Exception {
        Response response = new JwksResource(fixture.keys).jwks();
        assertEquals("public, max-age=300", response.getHeaderString("Cache-Control"));
        JWKSet set = JWKSet.parse((String) response.getEntity());
        assertEquals(2 * SigningKeys.ALGORITHMS.size(), set.getKeys().size(), "the active and the next key of each algorithm");
        assertFalse(((String) response.getEntity()).contains("\"d\""));
    }

    @Test
    void discoveryServesTheSameMetadataAtBothLocations() {
        DiscoveryResource resource = new DiscoveryResource(new Discovery(fixture.server, fixture.endpoint,
                RegistrationSettings.defaults(),
                ClientMetadataDocumentSettings.off()));
        Response openid = resource.openidConfiguration();
        Response oauth = resource.authorizationServer();
        assertEquals(openid.getEntity(), oauth.getEntity());
        assertEquals("https://id.example.test/token", ((ProviderMetadata) openid.getEntity()).tokenEndpoint());
        assertEquals("public, max-age=300", openid.getHeaderString("Cache-Control"));
    }
    @Test
    void introspectAnswersJsonWithNoStore() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", userToken("openid"));
        Response response = new IntrospectionResource(fixture.introspection).introspect(form,
                "Basic " + java.util.Base64.getEncoder().encodeToString(("web-app:" + TestClients.SECRET).getBytes()));
        assertEquals(200, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertTrue(((dev.latchkey.oauth.internal.introspection.IntrospectionResponse) response.getEntity()).active());
        assertOAuthError("invalid_request", () -> new IntrospectionResource(fixture.introspection).notAForm());
    }

    @Test
    void revokeAnswers200WithAnEmptyBodyAndNoStore() {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("token", "unknown-token");
        Response response = new RevocationResource(fixture.revocation).revoke(form,
                "Basic " + java.util.Base64.getEncoder().encodeToString(("web-app:" + TestClients.SECRET).getBytes()));
        assertEquals(200, response.getStatus());
        assertNull(response.getEntity());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        assertOAuthError("invalid_request", () -> new RevocationResource(fixture.revocation).notAForm());
    }
}

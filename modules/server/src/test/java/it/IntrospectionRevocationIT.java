package it;

import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static it.support.Latchkey.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Introspection (RFC 7662) and revocation (RFC 7009) over HTTP with the Nimbus OAuth 2.0 SDK as
 * the client: live tokens are active, revoked ones inactive everywhere they are used (userinfo,
 * the REST API, the token endpoint), and the endpoints' errors are RFC 6749 §5.2 JSON.
 */
class IntrospectionRevocationIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final URI INTROSPECT = Latchkey.uri("/introspect");
    private static final URI REVOKE = Latchkey.uri("/revoke");
    private static TestClients.Registered client;
    private static TestClients.Registered otherClient;
    private static TestUsers.User user;
    private static String session;

    @BeforeAll
    static void setUp() {
        client = TestClients.confidentialClient(REDIRECT);
        otherClient = TestClients.confidentialClient(REDIRECT);
        user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    /** A fresh access and refresh token of the user for {@link #client}, by code + PKCE. */
    private static JsonObject tokens() {
        Pkce pkce = Pkce.create();
        HttpResponse<String> redirect = HttpLogin.authorize(session, form(params(
                "response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid profile offline_access", "state", "s1", "code_challenge", pkce.challenge(),
                "code_challenge_method", "S256")));
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code",
                "code", HttpLogin.code(redirect), "redirect_uri", REDIRECT, "code_verifier", pkce.verifier())),
                "Authorization", basic(client.clientId(), client.secret()));
        assertEquals(200, response.statusCode(), response.body());
        return Latchkey.json(response);
    }

    private static ClientAuthentication auth(TestClients.Registered registered) {
        return new ClientSecretBasic(new ClientID(registered.clientId()), new Secret(registered.secret()));
    }

    private static TokenIntrospectionSuccessResponse introspect(ClientAuthentication auth, Token token) {
        try {
            HTTPResponse http = new TokenIntrospectionRequest(INTROSPECT, auth, token).toHTTPRequest().send();
            assertEquals(200, http.getStatusCode(), http.getBody());
            assertEquals("no-store", http.getHeaderValue("Cache-Control"));
            TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(http);
            assertTrue(response.indicatesSuccess(), http.getBody());
            return response.toSuccessResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static HTTPResponse revoke(ClientAuthentication auth, Token token) {
        try {
            return new TokenRevocationRequest(REVOKE, auth, token).toHTTPRequest().send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(error, Latchkey.json(response).getString("error"));
    }

    @Test
    void anAccessTokenIsActiveUntilRevokedThenRefusedEverywhere() {
        BearerAccessToken accessToken = new BearerAccessToken(tokens().getString("access_token"));

        TokenIntrospectionSuccessResponse active = introspect(auth(client), accessToken);
        assertTrue(active.isActive());
        assertEquals(client.clientId(), active.getClientID().getValue());
        assertEquals(user.username(), active.getUsername());
        assertEquals(user.id(), active.getSubject().getValue());
        assertEquals("Bearer", active.getTokenType().getValue());
        assertTrue(active.getScope().contains("profile"));
        assertTrue(active.getExpirationTime() != null && active.getIssueTime() != null && active.getJWTID() != null);
        assertEquals(200, Latchkey.get("/userinfo", accessToken.getValue()).statusCode());
        assertEquals(200, Latchkey.get("/api/v1/account", accessToken.getValue()).statusCode());

        HTTPResponse revoked = revoke(auth(client), accessToken);
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());

        assertFalse(introspect(auth(client), accessToken).isActive());
        HttpResponse<String> userinfo = Latchkey.get("/userinfo", accessToken.getValue());
        assertEquals(401, userinfo.statusCode(), userinfo.body());
        assertTrue(userinfo.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
        HttpResponse<String> account = Latchkey.get("/api/v1/account", accessToken.getValue());
        assertEquals(401, account.statusCode(), account.body());
        assertTrue(account.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
    }

    @Test
    void aRefreshTokenIsActiveUntilRevokedThenItsFamilyAndItsAccessTokensAreRefused() {
        JsonObject tokens = tokens();
        RefreshToken refreshToken = new RefreshToken(tokens.getString("refresh_token"));
        BearerAccessToken accessToken = new BearerAccessToken(tokens.getString("access_token"));
        ClientAuthentication post = new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.secret()));

        TokenIntrospectionSuccessResponse active = introspect(post, refreshToken);
        assertTrue(active.isActive());
        assertEquals("refresh_token", active.getTokenType().getValue());
        assertEquals(user.username(), active.getUsername());
        assertEquals(client.clientId(), active.getClientID().getValue());
        assertTrue(active.getScope().contains("offline_access"));

        assertEquals(200, revoke(auth(client), refreshToken).getStatusCode());

        assertFalse(introspect(auth(client), refreshToken).isActive());
        assertError(postForm("/token", form(params("grant_type", "refresh_token", "refresh_token",
                refreshToken.getValue())), "Authorization", basic(client.clientId(), client.secret())),
                400, "invalid_grant");
        // RFC 7009 §2.1: the access tokens of the same grant are invalidated too
        assertFalse(introspect(auth(client), accessToken).isActive());
        assertEquals(401, Latchkey.get("/userinfo", accessToken.getValue()).statusCode());
        assertEquals(401, Latchkey.get("/api/v1/account", accessToken.getValue()).statusCode());
    }

    @Test
    void anotherClientSeesTheTokensAsInactiveAndMayNotRevokeThem() {
        JsonObject tokens = tokens();
        BearerAccessToken accessToken = new BearerAccessToken(tokens.getString("access_token"));
        RefreshToken refreshToken = new RefreshToken(tokens.getString("refresh_token"));

        assertFalse(introspect(auth(otherClient), accessToken).isActive());
        assertFalse(introspect(auth(otherClient), refreshToken).isActive());

        HTTPResponse refused = revoke(auth(otherClient), refreshToken);
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("unauthorized_client"));
        assertTrue(introspect(auth(client), refreshToken).isActive());
    }

    @Test
    void unknownTokensAreInactiveAndTheirRevocationIsASuccess() {
        assertFalse(introspect(auth(client), new BearerAccessToken("a.b.c")).isActive());
        assertFalse(introspect(auth(client), new RefreshToken("no-such-refresh-token")).isActive());
        HTTPResponse revoked = revoke(auth(client), new RefreshToken("no-such-refresh-token"));
        assertEquals(200, revoked.getStatusCode());
        assertTrue(revoked.getBody() == null || revoked.getBody().isEmpty());
    }

    @Test
    void aWrongClientSecretIsInvalidClientWithABasicChallenge() {
        for (String path : new String[] {"/introspect", "/revoke"}) {
            HttpResponse<String> response = postForm(path, "token=whatever",
                    "Authorization", basic(client.clientId(), "not-the-secret"));
            assertError(response, 401, "invalid_client");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
    }

    @Test
    void introspectionRefusesAPublicClientWithoutASecret() {
        TestClients.Registered spa = TestClients.publicClient(REDIRECT);
        assertError(postForm("/introspect", form(params("token", "whatever", "client_id", spa.clientId()))),
                401, "invalid_client");
    }

    @Test
    void aDuplicatedOrMissingParameterIsInvalidRequest() {
        for (String path : new String[] {"/introspect", "/revoke"}) {
            assertError(postForm(path, "token=a&token=b", "Authorization", basic(client.clientId(), client.secret())),
                    400, "invalid_request");
            assertError(postForm(path, "token_type_hint=access_token",
                    "Authorization", basic(client.clientId(), client.secret())), 400, "invalid_request");
        }
    }

    @Test
    void discoveryAdvertisesBothEndpoints() {
        for (String path : new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"}) {
            JsonObject metadata = Latchkey.json(Latchkey.get(path));
            assertEquals(Latchkey.json(Latchkey.get(path)).getString("issuer") + "/introspect",
                    metadata.getString("introspection_endpoint"));
            assertEquals(metadata.getString("issuer") + "/revoke", metadata.getString("revocation_endpoint"));
            assertFalse(metadata.getJsonArray("introspection_endpoint_auth_methods_supported").toString()
                    .contains("none"));
        }
    }
}

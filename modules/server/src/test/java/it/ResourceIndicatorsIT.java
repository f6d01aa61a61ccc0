package it;

import static it.support.Latchkey.json;
import static it.support.Latchkey.sendJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 8707 resource indicators with the Nimbus SDK as the client, the admin API of resource
 * servers, and RFC 9728: the protected resource metadata of Latchkey's own API and the
 * {@code resource_metadata} of every 401 from {@code /api}, including the container's own.
 */
class ResourceIndicatorsIT {

    private static final String RESOURCE_SERVERS = "/api/v1/admin/resource-servers";
    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final String METADATA = Latchkey.BASE_URL + "/.well-known/oauth-protected-resource";
    private static final URI TOKEN = Latchkey.uri("/token");
    private static URI orders;
    private static TestClients.Registered client;
    private static String session;

    @BeforeAll
    static void setUp() {
        // the test clients are registered with api:read, which this resource server defines
        orders = URI.create("https://" + Latchkey.unique("orders") + ".example.com/api");
        HttpResponse<String> created = sendJson("POST", RESOURCE_SERVERS, resourceServer(orders, "api:read"),
                Latchkey.adminToken());
        assertEquals(201, created.statusCode(), created.body());
        client = TestClients.confidentialClient(REDIRECT, "authorization_code", "refresh_token", "client_credentials");
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    private static String resourceServer(URI resource, String... scopes) {
        return Json.createObjectBuilder().add("resource", resource.toString()).add("resource_name", "Orders")
                .add("scopes_supported", Json.createArrayBuilder(List.of(scopes))).build().toString();
    }

    private static ClientSecretBasic authentication() {
        return new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret()));
    }

    private static HttpResponse<String> authorize(CodeVerifier verifier, URI... resources) {
        URI request = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
                .endpointURI(Latchkey.uri("/authorize"))
                .redirectionURI(URI.create(REDIRECT))
                .scope(new Scope("openid", "offline_access", "api:read"))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .resources(resources)
                .build().toURI();
        return HttpLogin.authorize(session, request.getRawQuery());
    }

    private static TokenResponse send(TokenRequest request) throws Exception {
        return TokenResponse.parse(request.toHTTPRequest().send());
    }

    private static JWTClaimsSet claims(AccessTokenResponse response) throws Exception {
        return JWTParser.parse(response.getTokens().getAccessToken().getValue()).getJWTClaimsSet();
    }

    private static void assertInvalidTarget(TokenResponse response) {
        assertFalse(response.indicatesSuccess());
        assertEquals("invalid_target", ((TokenErrorResponse) response).getErrorObject().getCode());
    }

    @Test
    void aCodeForTwoResourcesIsRedeemedForOneAndRefreshedWithinThem() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        URI latchkey = URI.create(Latchkey.BASE_URL);
        String code = HttpLogin.code(authorize(verifier, orders, latchkey));

        TokenResponse redeemed = send(new TokenRequest.Builder(TOKEN, authentication(),
                new AuthorizationCodeGrant(new AuthorizationCode(code), URI.create(REDIRECT), verifier))
                .resources(orders).build());
        assertTrue(redeemed.indicatesSuccess(), () -> redeemed.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = redeemed.toSuccessResponse();
        assertEquals(List.of(orders.toString()), claims(tokens).getAudience());
        assertEquals(new Scope("api:read"), tokens.getTokens().getAccessToken().getScope());

        // RFC 8707 §2.2: a refresh may name a resource of the grant, never another
        TokenResponse widened = send(new TokenRequest.Builder(TOKEN, authentication(),
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken()))
                .resources(URI.create("https://elsewhere.example.com")).build());
        assertInvalidTarget(widened);
        TokenResponse refreshed = send(new TokenRequest.Builder(TOKEN, authentication(),
                new RefreshTokenGrant(tokens.getTokens().getRefreshToken())).resources(latchkey).build());
        assertTrue(refreshed.indicatesSuccess());
        AccessTokenResponse forLatchkey = refreshed.toSuccessResponse();
        assertEquals(List.of(Latchkey.BASE_URL), claims(forLatchkey).getAudience());
        // a token for Latchkey's API is accepted there; the one for the orders API is not
        String latchkeyToken = forLatchkey.getTokens().getAccessToken().getValue();
        assertEquals(200, Latchkey.get("/api/v1/account", latchkeyToken).statusCode());
        HttpResponse<String> wrongAudience = Latchkey.get("/api/v1/account",
                tokens.getTokens().getAccessToken().getValue());
        assertEquals(401, wrongAudience.statusCode());
        assertTrue(wrongAudience.headers().firstValue("WWW-Authenticate").orElse("")
                .contains("resource_metadata=\"" + METADATA + "\""));
    }

    @Test
    void anUnknownResourceAtAuthorizeIsRedirectedAsInvalidTarget() {
        HttpResponse<String> redirect = authorize(new CodeVerifier(), URI.create("https://unknown.example.com/api"));
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        assertTrue(location.contains("error=invalid_target"), location);
    }

    @Test
    void clientCredentialsForTheResourceGetItsAudienceAndAnUnknownOneIsRefused() throws Exception {
        TokenResponse response = send(new TokenRequest.Builder(TOKEN, authentication(), new ClientCredentialsGrant())
                .resources(orders).build());
        assertTrue(response.indicatesSuccess());
        assertEquals(List.of(orders.toString()), claims(response.toSuccessResponse()).getAudience());

        assertInvalidTarget(send(new TokenRequest.Builder(TOKEN, authentication(), new ClientCredentialsGrant())
                .resources(URI.create("https://unknown.example.com")).build()));
        // malformed values, which the SDK would not send
        HttpResponse<String> relative = Latchkey.postForm("/token", "grant_type=client_credentials&resource=%2Fapi",
                "Authorization", Latchkey.basic(client.clientId(), client.secret()));
        assertEquals(400, relative.statusCode());
        assertEquals("invalid_target", json(relative).getString("error"));
    }

    @Test
    void resourceServersAreManagedByTheAdminApiWithProblemsForBadInput() {
        String admin = Latchkey.adminToken();
        URI mcp = URI.create("https://" + Latchkey.unique("mcp") + ".example.com/mcp");
        HttpResponse<String> created = sendJson("POST", RESOURCE_SERVERS, resourceServer(mcp, "mcp:tools"), admin);
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String path = URI.create(location).getPath();
        assertEquals(mcp.toString(), json(Latchkey.get(path, admin)).getString("resource"));
        assertTrue(json(Latchkey.get(RESOURCE_SERVERS + "?page=0&size=100", admin)).getJsonNumber("total").intValue() >= 2);

        HttpResponse<String> updated = sendJson("PUT", path, resourceServer(mcp, "mcp:tools", "mcp:admin"), admin);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(List.of("mcp:admin", "mcp:tools"),
                json(updated).getJsonArray("scopes_supported").getValuesAs(JsonString::getString));

        assertEquals(409, sendJson("POST", RESOURCE_SERVERS, resourceServer(mcp, "x"), admin).statusCode());
        assertProblem(sendJson("POST", RESOURCE_SERVERS, resourceServer(URI.create("/relative"), "x"), admin), 400);
        assertProblem(sendJson("POST", RESOURCE_SERVERS, "{\"resource\":\"https://a.example\"}", admin), 400);
        assertProblem(sendJson("POST", RESOURCE_SERVERS, "not json", admin), 400);
        assertProblem(Latchkey.get(RESOURCE_SERVERS + "/not-an-id", admin), 404);

        assertEquals(204, sendJson("DELETE", path, null, admin).statusCode());
        assertProblem(Latchkey.get(path, admin), 404);
        assertEquals(401, Latchkey.get(RESOURCE_SERVERS).statusCode());
    }

    @Test
    void theApiPublishesItsProtectedResourceMetadata() {
        HttpResponse<String> response = Latchkey.get("/.well-known/oauth-protected-resource");
        assertEquals(200, response.statusCode());
        JsonObject metadata = json(response);
        assertEquals(Latchkey.BASE_URL, metadata.getString("resource"));
        assertEquals(List.of(Latchkey.BASE_URL),
                metadata.getJsonArray("authorization_servers").getValuesAs(JsonString::getString));
        assertEquals(List.of("header"), metadata.getJsonArray("bearer_methods_supported").getValuesAs(JsonString::getString));
        assertTrue(metadata.containsKey("scopes_supported") && metadata.containsKey("resource_documentation"));
    }

    @Test
    void every401OfTheApiNamesTheMetadata() {
        HttpResponse<String> noToken = Latchkey.get("/api/v1/account");
        assertEquals(401, noToken.statusCode());
        // RFC 6750 §3.1: without a token, no error code
        assertEquals("Bearer realm=\"latchkey\", resource_metadata=\"" + METADATA + "\"",
                noToken.headers().firstValue("WWW-Authenticate").orElse(""));
        assertProblem(noToken, 401);

        HttpResponse<String> forged = Latchkey.get("/api/v1/admin/users", "not.a.jwt");
        assertEquals(401, forged.statusCode());
        String challenge = forged.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.contains("error=\"invalid_token\""), challenge);
        assertTrue(challenge.endsWith("resource_metadata=\"" + METADATA + "\""), challenge);

        HttpResponse<String> deleted = sendJson("DELETE", "/api/v1/admin/users/x", null, "not.a.jwt");
        assertEquals(401, deleted.statusCode());
        assertTrue(deleted.headers().firstValue("WWW-Authenticate").orElse("").contains("resource_metadata="));

        // a valid token whose user is gone: refused by the account resource itself
        TestUsers.User user = TestUsers.aUser();
        String token = json(Latchkey.postForm("/token", Latchkey.form(Latchkey.params("grant_type", "password",
                "client_id", Latchkey.ADMIN_CLI, "username", user.username(), "password", user.password(),
                "scope", "openid")))).getString("access_token");
        assertEquals(204, sendJson("DELETE", "/api/v1/admin/users/" + user.id(), null, Latchkey.adminToken())
                .statusCode());
        HttpResponse<String> orphan = Latchkey.get("/api/v1/account", token);
        assertEquals(401, orphan.statusCode());
        assertTrue(orphan.headers().firstValue("WWW-Authenticate").orElse("")
                .endsWith("resource_metadata=\"" + METADATA + "\""), orphan.headers().toString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals(status, json(response).getInt("status"));
    }
}

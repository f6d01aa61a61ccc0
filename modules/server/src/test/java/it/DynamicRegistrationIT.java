package it;

import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.client.ClientDeleteRequest;
import com.nimbusds.oauth2.sdk.client.ClientReadRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.rp.ApplicationType;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformation;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientInformationResponse;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientMetadata;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationRequest;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientRegistrationResponseParser;
import com.nimbusds.openid.connect.sdk.rp.OIDCClientUpdateRequest;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dynamic client registration (RFC 7591) and its management (RFC 7592) with the Nimbus SDK as
 * the registering client, on the default {@code latchkey.oauth.registration=token}: an admin
 * issues an initial access token, the client registers with it, runs a code flow, reads,
 * updates and deletes its registration; plus the native-app loopback redirect on any port
 * (RFC 8252 §7.3).
 */
class DynamicRegistrationIT {

    private static final URI REDIRECT = URI.create("https://rp.example.com/dcr-cb");
    private static OIDCProviderMetadata provider;
    private static String session;

    @BeforeAll
    static void setUp() throws Exception {
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    /** An initial access token from the admin API that allows {@code registrations} registrations. */
    private static String initialAccessToken(int registrations) {
        HttpResponse<String> response = Latchkey.sendJson("POST", "/api/v1/admin/initial-access-tokens",
                "{\"expires_in\": 600, \"registrations\": " + registrations + "}", Latchkey.adminToken());
        assertEquals(201, response.statusCode(), response.body());
        return Latchkey.json(response).getString("token");
    }

    private static OIDCClientMetadata webApp(URI redirect) {
        OIDCClientMetadata metadata = new OIDCClientMetadata();
        metadata.setRedirectionURI(redirect);
        metadata.setName("Registered RP");
        metadata.setGrantTypes(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
        metadata.setScope(Scope.parse("openid email offline_access"));
        metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        return metadata;
    }

    private static ClientRegistrationResponse register(OIDCClientMetadata metadata, String initialAccessToken)
            throws Exception {
        return OIDCClientRegistrationResponseParser.parse(new OIDCClientRegistrationRequest(
                provider.getRegistrationEndpointURI(), metadata,
                initialAccessToken == null ? null : new BearerAccessToken(initialAccessToken)).toHTTPRequest().send());
    }

    private static String registrationError(ClientRegistrationResponse response) {
        assertFalse(response.indicatesSuccess());
        return ((ClientRegistrationErrorResponse) response).getErrorObject().getCode();
    }

    /** Logs in, authorizes {@code clientId} for {@code redirect} and returns the code. */
    private static String code(String clientId, String redirect, Pkce pkce) {
        HttpResponse<String> response = HttpLogin.authorizeAndConsent(session, form(params("response_type", "code",
                "client_id", clientId, "redirect_uri", redirect, "scope", "openid email", "state", "s1",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        assertEquals(303, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith(redirect + "?"));
        return HttpLogin.code(response);
    }

    @Test
    void discoveryAdvertisesTheRegistrationEndpoint() {
        assertEquals(URI.create(Latchkey.BASE_URL + "/register"), provider.getRegistrationEndpointURI());
    }

    @Test
    void registerWithAnInitialAccessTokenThenCodeFlowThenReadUpdateAndDeleteTheRegistration() throws Exception {
        ClientRegistrationResponse registered = register(webApp(REDIRECT), initialAccessToken(1));
        assertTrue(registered.indicatesSuccess());
        OIDCClientInformation client = ((OIDCClientInformationResponse) registered).getOIDCClientInformation();
        ClientID clientId = client.getID();
        assertNotNull(client.getSecret());
        assertNull(client.getSecret().getExpirationDate(), "client_secret_expires_at 0: never");
        assertNotNull(client.getIDIssueDate());
        assertEquals(URI.create(Latchkey.BASE_URL + "/register/" + clientId), client.getRegistrationURI());
        assertEquals(Set.of(REDIRECT), client.getOIDCMetadata().getRedirectionURIs());
        assertEquals(Scope.parse("email offline_access openid"), client.getOIDCMetadata().getScope());
        assertEquals(ApplicationType.WEB, client.getOIDCMetadata().getApplicationType());

        // a third-party client, whatever it registered
        JsonObject asAdmin = Latchkey.json(Latchkey.get("/api/v1/admin/clients/" + clientId, Latchkey.adminToken()));
        assertFalse(asAdmin.getBoolean("first_party"));

        Pkce pkce = Pkce.create();
        String code = code(clientId.getValue(), REDIRECT.toString(), pkce);
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, client.getSecret()), new AuthorizationCodeGrant(
                new AuthorizationCode(code), REDIRECT, new CodeVerifier(pkce.verifier()))).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        assertEquals(List.of(clientId.getValue()), ((OIDCTokenResponse) tokens).getOIDCTokens().getIDToken()
                .getJWTClaimsSet().getAudience());

        BearerAccessToken registrationToken = client.getRegistrationAccessToken();
        HTTPResponse read = new ClientReadRequest(client.getRegistrationURI(), registrationToken).toHTTPRequest()
                .send();
        assertEquals(200, read.getStatusCode(), read.getBody());
        OIDCClientInformation readBack = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser
                .parse(read)).getOIDCClientInformation();
        assertEquals(clientId, readBack.getID());
        assertNull(readBack.getSecret());
        assertEquals(registrationToken, readBack.getRegistrationAccessToken());

        URI newRedirect = URI.create("https://rp.example.com/dcr-cb-2");
        HTTPResponse updated = new OIDCClientUpdateRequest(client.getRegistrationURI(), clientId, registrationToken,
                webApp(newRedirect), client.getSecret()).toHTTPRequest().send();
        assertEquals(200, updated.getStatusCode(), updated.getBody());
        OIDCClientInformation afterUpdate = ((OIDCClientInformationResponse) OIDCClientRegistrationResponseParser
                .parse(updated)).getOIDCClientInformation();
        assertEquals(Set.of(newRedirect), afterUpdate.getOIDCMetadata().getRedirectionURIs());
        BearerAccessToken rotated = afterUpdate.getRegistrationAccessToken();
        assertNotEquals(registrationToken, rotated);
        assertEquals(401, new ClientReadRequest(client.getRegistrationURI(), registrationToken).toHTTPRequest()
                .send().getStatusCode());

        HTTPResponse deleted = new ClientDeleteRequest(client.getRegistrationURI(), rotated).toHTTPRequest().send();
        assertEquals(204, deleted.getStatusCode(), deleted.getBody());
        assertEquals(404, Latchkey.get("/api/v1/admin/clients/" + clientId, Latchkey.adminToken()).statusCode());
        assertEquals(401, new ClientReadRequest(client.getRegistrationURI(), rotated).toHTTPRequest().send()
                .getStatusCode());
        HttpResponse<String> afterDelete = Latchkey.postForm("/token", form(params("grant_type", "refresh_token",
                "refresh_token", "anything")), "Authorization", Latchkey.basic(clientId.getValue(),
                client.getSecret().getValue()));
        assertEquals(401, afterDelete.statusCode(), afterDelete.body());
    }

    @Test
    void registerWithoutOrWithABadInitialAccessTokenThen401() throws Exception {
        HTTPResponse missing = new OIDCClientRegistrationRequest(provider.getRegistrationEndpointURI(),
                webApp(REDIRECT), null).toHTTPRequest().send();
        assertEquals(401, missing.getStatusCode());
        assertTrue(missing.getHeaderValue("WWW-Authenticate").startsWith("Bearer"));
        assertEquals("invalid_token", registrationError(register(webApp(REDIRECT), "not-a-token")));
    }

    @Test
    void aRefusedRegistrationUsesNoneOfTheInitialAccessTokensRegistrations() throws Exception {
        String token = initialAccessToken(1);
        OIDCClientMetadata badRedirect = webApp(URI.create("http://rp.example.com/plain-http"));
        assertEquals("invalid_redirect_uri", registrationError(register(badRedirect, token)));
        OIDCClientMetadata badMetadata = webApp(REDIRECT);
        badMetadata.setApplicationType(ApplicationType.NATIVE);
        badMetadata.setLogoURI(URI.create("http://rp.example.com/logo.png"));
        assertEquals("invalid_client_metadata", registrationError(register(badMetadata, token)));
        assertTrue(register(webApp(REDIRECT), token).indicatesSuccess());
        assertEquals("invalid_token", registrationError(register(webApp(REDIRECT), token)));
    }

    @Test
    void aRegistrationAccessTokenDoesNotWorkForAnotherClient() throws Exception {
        String token = initialAccessToken(2);
        OIDCClientInformation mine = ((OIDCClientInformationResponse) register(webApp(REDIRECT), token))
                .getOIDCClientInformation();
        OIDCClientInformation other = ((OIDCClientInformationResponse) register(webApp(REDIRECT), token))
                .getOIDCClientInformation();
        HTTPResponse read = new ClientReadRequest(mine.getRegistrationURI(), other.getRegistrationAccessToken())
                .toHTTPRequest().send();
        assertEquals(401, read.getStatusCode());
        assertTrue(read.getHeaderValue("WWW-Authenticate").contains("invalid_token"));
        assertEquals(401, new ClientDeleteRequest(mine.getRegistrationURI(), other.getRegistrationAccessToken())
                .toHTTPRequest().send().getStatusCode());
        assertEquals(200, Latchkey.get("/api/v1/admin/clients/" + mine.getID(), Latchkey.adminToken()).statusCode());
    }

    @Test
    void aNativeAppsLoopbackRedirectUriMatchesAnyPort() throws Exception {
        String body = Json.createObjectBuilder()
                .add("redirect_uris", Json.createArrayBuilder().add("http://127.0.0.1/callback"))
                .add("application_type", "native")
                .add("token_endpoint_auth_method", "none")
                .add("client_name", "Native app")
                .build().toString();
        HttpResponse<String> registered = Latchkey.sendJson("POST", "/register", body, initialAccessToken(1));
        assertEquals(201, registered.statusCode(), registered.body());
        JsonObject client = Latchkey.json(registered);
        assertFalse(client.containsKey("client_secret"));
        String clientId = client.getString("client_id");

        // the port the app's listener got from the operating system (RFC 8252 §7.3)
        String redirect = "http://127.0.0.1:49731/callback";
        Pkce pkce = Pkce.create();
        String code = code(clientId, redirect, pkce);
        HttpResponse<String> tokens = Latchkey.postForm("/token", form(params("grant_type", "authorization_code",
                "client_id", clientId, "code", code, "redirect_uri", redirect, "code_verifier", pkce.verifier())));
        assertEquals(200, tokens.statusCode(), tokens.body());

        HttpResponse<String> otherPath = HttpLogin.authorize(session, form(params("response_type", "code",
                "client_id", clientId, "redirect_uri", "http://127.0.0.1:49731/other", "scope", "openid",
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        assertEquals(400, otherPath.statusCode());
        assertTrue(otherPath.headers().firstValue("Location").isEmpty());
    }
}

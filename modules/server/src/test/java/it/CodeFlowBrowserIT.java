package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import it.support.Browser;
import it.support.CallbackReceiver;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Flow 1 of the brief, end to end: a relying party built on the Nimbus OAuth 2.0 SDK runs
 * code + PKCE through the real login page in headless Chromium, validates the ID token against
 * the JWKS, calls userinfo, refreshes, and calls a MicroProfile-JWT-protected endpoint.
 */
class CodeFlowBrowserIT {

    private WebDriver browser;
    private CallbackReceiver receiver;

    @BeforeEach
    void start() {
        browser = Browser.start();
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stop() {
        browser.quit();
        receiver.close();
    }

    @Test
    void aRelyingPartyLogsAUserInWithCodeAndPkceThroughARealBrowser() throws Exception {
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        TestClients.Registered client = TestClients.confidentialClient(receiver.redirectUri());
        TestUsers.User user = TestUsers.aUser();

        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid", "profile", "email", "offline_access"), new ClientID(client.clientId()),
                URI.create(client.redirectUri()))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();

        browser.get(request.toURI().toString());
        assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/login"), browser.getCurrentUrl());
        browser.findElement(By.cssSelector("label[for=username]"));
        Browser.logIn(browser, user);

        AuthorizationResponse callback = AuthorizationResponse.parse(receiver.awaitCallback());
        assertTrue(callback.indicatesSuccess(), () -> callback.toErrorResponse().getErrorObject().toString());
        AuthorizationSuccessResponse success = callback.toSuccessResponse();
        assertEquals(state, success.getState());
        assertEquals(Latchkey.BASE_URL, success.getIssuer().getValue());
        AuthorizationCode code = success.getAuthorizationCode();

        TokenRequest tokenRequest = new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new AuthorizationCodeGrant(code, URI.create(client.redirectUri()), verifier));
        TokenResponse tokenResponse = OIDCTokenResponseParser.parse(tokenRequest.toHTTPRequest().send());
        assertTrue(tokenResponse.indicatesSuccess(), () -> tokenResponse.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse tokens = (OIDCTokenResponse) tokenResponse.toSuccessResponse();

        JWT idToken = tokens.getOIDCTokens().getIDToken();
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), new ClientID(client.clientId()),
                JWSAlgorithm.RS256, provider.getJWKSetURI().toURL());
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        assertEquals(user.id(), claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime());
        assertNotNull(claims.getAccessTokenHash());
        assertNotNull(claims.getStringClaim("sid"));

        BearerAccessToken accessToken = tokens.getOIDCTokens().getBearerAccessToken();
        SignedJWT accessJwt = SignedJWT.parse(accessToken.getValue());
        assertEquals("at+jwt", accessJwt.getHeader().getType().toString());
        assertEquals(JWSAlgorithm.ES256, accessJwt.getHeader().getAlgorithm());

        UserInfoResponse userInfoResponse = UserInfoResponse.parse(
                new UserInfoRequest(provider.getUserInfoEndpointURI(), accessToken).toHTTPRequest().send());
        assertTrue(userInfoResponse.indicatesSuccess());
        UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
        assertEquals(user.id(), userInfo.getSubject().getValue());
        assertEquals(user.email(), userInfo.getEmailAddress());
        assertEquals(user.username(), userInfo.getPreferredUsername());

        RefreshToken refreshToken = tokens.getOIDCTokens().getRefreshToken();
        assertNotNull(refreshToken);
        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new RefreshTokenGrant(refreshToken)).toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), () -> refreshed.toErrorResponse().getErrorObject().toString());
        RefreshToken rotated = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        assertNotEquals(refreshToken, rotated);

        // the access token opens a MicroProfile JWT endpoint: the user's own account
        HttpResponse<String> account = Latchkey.get("/api/v1/account",
                refreshed.toSuccessResponse().getTokens().getAccessToken().getValue());
        assertEquals(200, account.statusCode(), account.body());
        assertEquals(user.username(), Latchkey.json(account).getString("username"));
    }

    @Test
    void aSignedInBrowserGetsACodeWithoutSeeingTheLoginPageAgain() throws Exception {
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        TestClients.Registered client = TestClients.publicClient(receiver.redirectUri());
        TestUsers.User user = TestUsers.aUser();

        browser.get(Latchkey.BASE_URL + "/login");
        Browser.logIn(browser, user);
        assertTrue(browser.getPageSource().contains(user.username()));

        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid"), new ClientID(client.clientId()), URI.create(client.redirectUri()))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        browser.get(request.toURI().toString());

        AuthorizationResponse callback = AuthorizationResponse.parse(receiver.awaitCallback());
        assertTrue(callback.indicatesSuccess());

        // a public client authenticates with PKCE alone (token_endpoint_auth_method none)
        TokenResponse tokenResponse = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientID(client.clientId()), new AuthorizationCodeGrant(
                        callback.toSuccessResponse().getAuthorizationCode(), URI.create(client.redirectUri()), verifier))
                .toHTTPRequest().send());
        assertTrue(tokenResponse.indicatesSuccess(), () -> tokenResponse.toErrorResponse().getErrorObject().toString());
        IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), new ClientID(client.clientId()),
                JWSAlgorithm.RS256, provider.getJWKSetURI().toURL())
                .validate(((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens().getIDToken(), nonce);
        assertEquals(user.id(), claims.getSubject().getValue());
    }
}

package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
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
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import it.support.Browser;
import it.support.CallbackReceiver;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * {@code prompt=select_account} (OIDC Core §3.1.2.1) in headless Chromium, with the Nimbus SDK as
 * the relying party: a signed-in browser is asked "Continue as" its user or "Use another
 * account"; each answers the request for the account chosen, as the ID token's {@code sub} shows.
 */
class SelectAccountIT {

    private WebDriver browser;
    private CallbackReceiver receiver;
    private OIDCProviderMetadata provider;
    private TestClients.Registered client;
    private TestUsers.User alice;

    @BeforeEach
    void start() throws Exception {
        browser = Browser.start();
        receiver = new CallbackReceiver();
        provider = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        client = TestClients.confidentialClient(receiver.redirectUri());
        alice = TestUsers.aUser();
        browser.get(Latchkey.BASE_URL + "/login");
        Browser.logIn(browser, alice);
    }

    @AfterEach
    void stop() {
        browser.quit();
        receiver.close();
    }

    @Test
    void continueAsTheSignedInUserAnswersTheRequestForThatUser() throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        browser.get(request(verifier, nonce).toString());

        assertTrue(browser.getCurrentUrl().startsWith(Latchkey.BASE_URL + "/select-account?"), browser.getCurrentUrl());
        assertEquals("Continue as " + alice.username(), browser.findElement(By.id("continue")).getText());
        Browser.clickAndAwaitNextPage(browser, By.id("continue"));

        assertEquals(alice.id(), subject(verifier, nonce));
    }

    @Test
    void useAnotherAccountLogsInAndAnswersTheRequestForTheNewUser() throws Exception {
        TestUsers.User bob = TestUsers.aUser();
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        browser.get(request(verifier, nonce).toString());

        Browser.clickAndAwaitNextPage(browser, By.id("another"));
        Browser.logIn(browser, bob);

        assertEquals(bob.id(), subject(verifier, nonce));
    }

    private URI request(CodeVerifier verifier, Nonce nonce) {
        return new AuthenticationRequest.Builder(new ResponseType("code"), new Scope("openid"),
                new ClientID(client.clientId()), URI.create(receiver.redirectUri()))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .nonce(nonce)
                .prompt(new Prompt(Prompt.Type.SELECT_ACCOUNT))
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();
    }


    /** The subject of the ID token the callback's code is exchanged for. */
    private String subject(CodeVerifier verifier, Nonce nonce) throws Exception {
        AuthorizationResponse callback = AuthorizationResponse.parse(receiver.awaitCallback());
        assertTrue(callback.indicatesSuccess(), () -> callback.toErrorResponse().getErrorObject().toString());
        TokenResponse tokens = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret())),
                new AuthorizationCodeGrant(callback.toSuccessResponse().getAuthorizationCode(),
                        URI.create(receiver.redirectUri()), verifier)).toHTTPRequest().send());
        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        IDTokenClaimsSet claims = new IDTokenValidator(provider.getIssuer(), new ClientID(client.clientId()),
                JWSAlgorithm.RS256, provider.getJWKSetURI().toURL())
                .validate(((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken(), nonce);
        return claims.getSubject().getValue();
    }
}

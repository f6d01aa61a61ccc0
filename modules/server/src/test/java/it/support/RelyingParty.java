package it.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;

/** A confidential relying party on the Nimbus SDK that gets tokens in a session signed in over HTTP. */
public final class RelyingParty {

    private final OIDCProviderMetadata provider;
    private final TestClients.Registered client;

    public RelyingParty(OIDCProviderMetadata provider, TestClients.Registered client) {
        this.provider = provider;
        this.client = client;
    }

    /** Code + PKCE in the session of the Cookie header {@code session}, then the token request. */
    public OIDCTokenResponse tokens(String session, Scope scope) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"), scope,
                new ClientID(client.clientId()), URI.create(client.redirectUri()))
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        AuthorizationResponse callback = AuthorizationResponse.parse(URI.create(HttpLogin.location(
                HttpLogin.authorize(session, request.toQueryString()))));
        assertTrue(callback.indicatesSuccess(), callback::toString);
        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(),
                authentication(), new AuthorizationCodeGrant(callback.toSuccessResponse().getAuthorizationCode(),
                        URI.create(client.redirectUri()), verifier)).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    public TokenResponse refresh(OIDCTokenResponse tokens) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(provider.getTokenEndpointURI(), authentication(),
                new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken())).toHTTPRequest().send());
    }

    private ClientSecretBasic authentication() {
        return new ClientSecretBasic(new ClientID(client.clientId()), new Secret(client.secret()));
    }
}

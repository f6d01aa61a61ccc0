package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import it.support.Latchkey;
import it.support.TestClients;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JWT client authentication (RFC 7523 §2.2, OIDC Core §9) over HTTP with the Nimbus OAuth 2.0
 * SDK's {@link PrivateKeyJWT} and {@link ClientSecretJWT}: clients registered through the admin
 * API for each method get tokens and introspect them; replays, other methods and wrong keys are
 * 401 {@code invalid_client}.
 */
class ClientAuthenticationIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final URI TOKEN = Latchkey.uri("/token");
    private static final URI INTROSPECT = Latchkey.uri("/introspect");
    private static RSAKey rsa;
    private static ECKey ec;
    private static TestClients.Registered keyClient;
    private static TestClients.Registered secretJwtClient;

    @BeforeAll
    static void setUp() throws JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("it-rsa").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("it-ec").generate();
        JsonObject jwks = Json.createReader(new StringReader(new JWKSet(java.util.List.of(rsa, ec))
                .toPublicJWKSet().toString())).readObject();
        keyClient = TestClients.confidentialClient(REDIRECT, Json.createObjectBuilder()
                .add("token_endpoint_auth_method", "private_key_jwt").add("jwks", jwks).build(), "client_credentials");
        secretJwtClient = TestClients.confidentialClient(REDIRECT, Json.createObjectBuilder()
                .add("token_endpoint_auth_method", "client_secret_jwt").build(), "client_credentials");
    }

    private static HTTPResponse send(TokenRequest request) {
        try {
            return request.toHTTPRequest().send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TokenResponse token(ClientAuthentication auth) {
        try {
            return TokenResponse.parse(send(new TokenRequest(TOKEN, auth, new ClientCredentialsGrant(), null)));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertInvalidClient(TokenResponse response) {
        assertTrue(!response.indicatesSuccess(), "refused");
        TokenErrorResponse error = response.toErrorResponse();
        assertEquals(401, error.getErrorObject().getHTTPStatusCode());
        assertEquals("invalid_client", error.getErrorObject().getCode());
    }

    private static PrivateKeyJWT signedByRsa(URI audience) throws JOSEException {
        return new PrivateKeyJWT(new ClientID(keyClient.clientId()), audience, JWSAlgorithm.RS256,
                rsa.toRSAPrivateKey(), rsa.getKeyID(), null);
    }

    @Test
    void privateKeyJwtWithRs256OrEs256GetsATokenOnce() throws JOSEException {
        PrivateKeyJWT auth = signedByRsa(TOKEN);
        assertTrue(token(auth).indicatesSuccess());
        // RFC 7523 §3: the same assertion (its jti) again is a replay
        assertInvalidClient(token(auth));
        PrivateKeyJWT byEc = new PrivateKeyJWT(new ClientID(keyClient.clientId()), TOKEN, JWSAlgorithm.ES256,
                ec.toECPrivateKey(), ec.getKeyID(), null);
        assertTrue(token(byEc).indicatesSuccess());
    }

    @Test
    void privateKeyJwtWithAnUnregisteredKeyIsInvalidClient() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("it-rsa").generate();
        assertInvalidClient(token(new PrivateKeyJWT(new ClientID(keyClient.clientId()), TOKEN, JWSAlgorithm.RS256,
                stranger.toRSAPrivateKey(), stranger.getKeyID(), null)));
    }

    @Test
    void privateKeyJwtForAnotherServerIsInvalidClient() throws JOSEException {
        assertInvalidClient(token(signedByRsa(URI.create("https://other.example.com/token"))));
    }

    @Test
    void privateKeyJwtIntrospectsWithTheIntrospectionEndpointAsAudience() throws Exception {
        AccessToken accessToken = token(signedByRsa(TOKEN)).toSuccessResponse().getTokens().getAccessToken();
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                INTROSPECT, signedByRsa(INTROSPECT), accessToken).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess());
        assertTrue(response.toSuccessResponse().isActive());
    }

    @Test
    void clientSecretJwtGetsATokenAndItsSecretAloneIsRefused() throws JOSEException {
        Secret secret = new Secret(secretJwtClient.secret());
        ClientID id = new ClientID(secretJwtClient.clientId());
        assertTrue(token(new ClientSecretJWT(id, TOKEN, JWSAlgorithm.HS256, secret)).indicatesSuccess());
        // registered for client_secret_jwt: sending the secret itself is not that method
        assertInvalidClient(token(new ClientSecretBasic(id, secret)));
    }

    @Test
    void clientSecretJwtWithAWrongSecretIsInvalidClient() throws JOSEException {
        assertInvalidClient(token(new ClientSecretJWT(new ClientID(secretJwtClient.clientId()), TOKEN,
                JWSAlgorithm.HS256, new Secret("w".repeat(43)))));
    }
}

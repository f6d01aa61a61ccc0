package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed request objects (OIDC Core §6.1) over HTTP with the Nimbus SDK as the relying party:
 * its {@link AuthenticationRequest} carries a request object signed with the client's registered
 * key, whose parameters win over the query's; forged and unsigned objects are
 * {@code invalid_request_object}, {@code request_uri} is {@code request_uri_not_supported}, all
 * redirected to the client with {@code state}. The code is redeemed with {@code private_key_jwt}.
 */
class RequestObjectIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static final URI AUTHORIZE = Latchkey.uri("/authorize");
    private static final URI TOKEN = Latchkey.uri("/token");
    private static RSAKey key;
    private static ClientID clientId;
    private static String session;

    @BeforeAll
    static void setUp() throws JOSEException {
        key = new RSAKeyGenerator(2048).keyID("it-request-rsa").generate();
        JsonObject jwks = Json.createReader(new StringReader(new JWKSet(key).toPublicJWKSet().toString()))
                .readObject();
        clientId = new ClientID(TestClients.confidentialClient(REDIRECT, Json.createObjectBuilder()
                .add("token_endpoint_auth_method", "private_key_jwt").add("jwks", jwks)
                .add("request_object_signing_alg", "RS256").build(), "authorization_code").clientId());
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    private static JWTClaimsSet claims(String nonce) {
        return new JWTClaimsSet.Builder().issuer(clientId.getValue()).audience(Latchkey.BASE_URL)
                .claim("client_id", clientId.getValue()).claim("response_type", "code")
                .claim("redirect_uri", REDIRECT).claim("scope", "openid profile").claim("nonce", nonce).build();
    }

    private static SignedJWT signed(RSAKey by, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(by.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(by));
        return jwt;
    }

    /** The relying party's authentication request with {@code requestObject}; nonce "query-nonce" in the query. */
    private static HttpResponse<String> authorize(JWT requestObject) {
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid"), clientId, URI.create(REDIRECT)).endpointURI(AUTHORIZE).state(new State("xyz"))
                .nonce(new Nonce("query-nonce")).requestObject(requestObject).build();
        return HttpLogin.authorize(session, request.toURI().getRawQuery());
    }

    private static String redirectedError(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?"), location);
        assertTrue(location.contains("state=xyz"), location);
        return location.replaceAll(".*[?&]error=([^&]*).*", "$1");
    }

    @Test
    void aSignedRequestObjectsParametersWinAndTheCodeIsRedeemedWithPrivateKeyJwt() throws Exception {
        HttpResponse<String> redirect = authorize(signed(key, claims("signed-nonce")));
        assertTrue(redirect.statusCode() == 302 || redirect.statusCode() == 303, redirect.statusCode() + " "
                + redirect.body());
        AuthorizationCode code = new AuthorizationCode(HttpLogin.code(redirect));

        TokenResponse response = OIDCTokenResponseParser.parse(new TokenRequest(TOKEN,
                new PrivateKeyJWT(clientId, TOKEN, JWSAlgorithm.RS256, key.toRSAPrivateKey(), key.getKeyID(), null),
                new AuthorizationCodeGrant(code, URI.create(REDIRECT))).toHTTPRequest().send());

        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        OIDCTokenResponse tokens = (OIDCTokenResponse) response.toSuccessResponse();
        JWTClaimsSet idToken = tokens.getOIDCTokens().getIDToken().getJWTClaimsSet();
        assertEquals("signed-nonce", idToken.getStringClaim("nonce"));
        assertEquals(List.of("openid", "profile"), tokens.getOIDCTokens().getAccessToken().getScope().toStringList());
    }

    @Test
    void aRequestObjectSignedByAnotherKeyIsInvalidRequestObject() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("it-request-rsa").generate();
        assertEquals("invalid_request_object", redirectedError(authorize(signed(stranger, claims("n")))));
    }

    @Test
    void anUnsignedRequestObjectIsInvalidRequestObject() {
        assertEquals("invalid_request_object", redirectedError(authorize(new PlainJWT(claims("n")))));
    }

    @Test
    void requestUriIsNotSupported() {
        AuthenticationRequest request = new AuthenticationRequest.Builder(new ResponseType("code"),
                new Scope("openid"), clientId, URI.create(REDIRECT)).endpointURI(AUTHORIZE).state(new State("xyz"))
                .requestURI(URI.create("https://rp.example.com/requests/1")).build();
        assertEquals("request_uri_not_supported",
                redirectedError(HttpLogin.authorize(session, request.toURI().getRawQuery())));
    }
}

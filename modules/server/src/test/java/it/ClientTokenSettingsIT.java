package it;

import static it.support.Latchkey.basic;
import static it.support.Latchkey.form;
import static it.support.Latchkey.params;
import static it.support.Latchkey.postForm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenClaimsVerifier;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import it.support.HttpLogin;
import it.support.Latchkey;
import it.support.Pkce;
import it.support.TestClients;
import it.support.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client's own token settings over HTTP: its access-token lifetime governs {@code expires_in},
 * {@code exp} and introspection's {@code exp}; its {@code id_token_signed_response_alg} (RS256,
 * ES256, PS256, EdDSA) signs its ID tokens, which the Nimbus SDK validates against {@code /jwks}
 * as a relying party would (OIDC Core §3.1.3.7, §10.1).
 */
class ClientTokenSettingsIT {

    private static final String REDIRECT = "https://rp.example.com/callback";
    private static String session;

    @BeforeAll
    static void setUp() {
        TestUsers.User user = TestUsers.aUser();
        session = HttpLogin.sessionCookie(user.username(), user.password());
    }

    @Test
    void aClientWithA60SecondAccessTokenLifetimeGetsExpiresIn60AndExpAccordingly() throws Exception {
        TestClients.Registered machine = TestClients.confidentialClient(REDIRECT,
                Json.createObjectBuilder().add("access_token_lifetime", 60).build(), "client_credentials");
        HttpResponse<String> response = postForm("/token", "grant_type=client_credentials",
                "Authorization", basic(machine.clientId(), machine.secret()));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject tokens = Latchkey.json(response);
        assertEquals(60, tokens.getInt("expires_in"));
        JWTClaimsSet claims = SignedJWT.parse(tokens.getString("access_token")).getJWTClaimsSet();
        assertEquals(60, (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000);

        JsonObject introspection = Latchkey.json(postForm("/introspect",
                form(params("token", tokens.getString("access_token"))),
                "Authorization", basic(machine.clientId(), machine.secret())));
        assertTrue(introspection.getBoolean("active"));
        assertEquals(claims.getExpirationTime().getTime() / 1000, introspection.getJsonNumber("exp").longValue());
    }

    @Test
    void discoveryAndJwksOfferExactlyTheFourIdTokenAlgorithmsEachWithItsOwnKey() throws Exception {
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(Latchkey.BASE_URL));
        assertEquals(Set.of("RS256", "ES256", "PS256", "EdDSA"), metadata.getIDTokenJWSAlgs().stream()
                .map(JWSAlgorithm::getName).collect(Collectors.toSet()));
        List<JWK> keys = JWKSet.parse(Latchkey.get("/jwks").body()).getKeys();
        for (String alg : List.of("RS256", "ES256", "PS256", "EdDSA")) {
            assertTrue(keys.stream().anyMatch(key -> key.getAlgorithm().getName().equals(alg)), alg);
        }
        assertEquals(keys.size(), keys.stream().map(JWK::getKeyID).distinct().count(), "one algorithm per key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256", "EdDSA"})
    void aClientGetsIdTokensSignedWithTheAlgorithmItRegistered(String alg) throws Exception {
        TestClients.Registered client = TestClients.confidentialClient(REDIRECT,
                Json.createObjectBuilder().add("id_token_signed_response_alg", alg).build());
        Pkce pkce = Pkce.create();
        Nonce nonce = new Nonce();
        HttpResponse<String> redirect = HttpLogin.authorize(session, form(params(
                "response_type", "code", "client_id", client.clientId(), "redirect_uri", REDIRECT,
                "scope", "openid", "state", "s1", "nonce", nonce.getValue(),
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        HttpResponse<String> response = postForm("/token", form(params("grant_type", "authorization_code",
                "code", HttpLogin.code(redirect), "redirect_uri", REDIRECT, "code_verifier", pkce.verifier())),
                "Authorization", basic(client.clientId(), client.secret()));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject tokens = Latchkey.json(response);

        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        SignedJWT idToken = (SignedJWT) JWTParser.parse(tokens.getString("id_token"));
        assertEquals(algorithm, idToken.getHeader().getAlgorithm());
        IDTokenClaimsSet claims = validate(idToken, algorithm, new ClientID(client.clientId()), nonce);
        Curve curve = algorithm.equals(JWSAlgorithm.EdDSA) ? Curve.Ed25519 : null;
        assertEquals(AccessTokenHash.compute(new BearerAccessToken(tokens.getString("access_token")), algorithm, curve),
                claims.getAccessTokenHash());
    }

    /**
     * The relying party's validation: Nimbus's {@link IDTokenValidator} against {@code /jwks}. Its
     * key selector only hands on keys it can convert to {@code java.security} keys, which an
     * Ed25519 (OKP) key is not, so for EdDSA the signature is checked with Nimbus's
     * {@link Ed25519Verifier} and the claims with the same verifier the validator uses.
     */
    private static IDTokenClaimsSet validate(SignedJWT idToken, JWSAlgorithm algorithm, ClientID clientId, Nonce nonce)
            throws Exception {
        Issuer issuer = new Issuer(Latchkey.BASE_URL);
        if (!algorithm.equals(JWSAlgorithm.EdDSA)) {
            return new IDTokenValidator(issuer, clientId, algorithm, Latchkey.uri("/jwks").toURL()).validate(idToken, nonce);
        }
        JWK key = JWKSet.parse(Latchkey.get("/jwks").body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertEquals(algorithm, key.getAlgorithm());
        assertTrue(idToken.verify(new Ed25519Verifier((OctetKeyPair) key)));
        new IDTokenClaimsVerifier(issuer, clientId, nonce, 60).verify(idToken.getJWTClaimsSet(), null);
        return new IDTokenClaimsSet(idToken.getJWTClaimsSet());
    }
}

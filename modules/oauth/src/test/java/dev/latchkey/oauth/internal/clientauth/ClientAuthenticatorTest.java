package dev.latchkey.oauth.internal.clientauth;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.kernel.api.EphemeralStores;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.clientkeys.ClientKeys;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import dev.latchkey.oauth.internal.clientkeys.JwksFetcher;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientAuthenticatorTest {

    private final TestClock clock = new TestClock();
    private final Map<String, RegisteredClient> clients = List.of(TestClients.webApp(), TestClients.spa(),
                    TestClientKeys.privateKeyJwtClient("signer", TestClientKeys.EC),
                    TestClientKeys.privateKeyJwtClient("other-signer", TestClientKeys.RSA),
                    TestClientKeys.secretJwtClient("macer")).stream()
            .collect(Collectors.toMap(RegisteredClient::clientId, Function.identity()));
    private final ClientAuthenticator authenticator = new ClientAuthenticator(id -> Optional.ofNullable(clients.get(id)),
            new ClientAssertionVerifier(new ClientSignatures(new ClientKeys(new JwksFetcher(), clock)),
                    TestClients.sealing(), EphemeralStores.inProcess(clock), new TestServerSettings(), clock));

    static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private AuthenticatedClient authenticate(String authorization, String... parameters) {
        return authenticator.authenticate(authorization, RequestParameters.of(form(parameters)),
                ClientAuthEndpoint.TOKEN);
    }

    @Test
    void authenticateWhenBasicRightThenClientSecretBasic() {
        AuthenticatedClient client = authenticate(basic("web-app", TestClients.SECRET));
        assertEquals("web-app", client.clientId());
        assertEquals(ClientAuthMethod.CLIENT_SECRET_BASIC, client.method());
    }

    @Test
    void authenticateWhenBasicSchemeLowerCaseAndSameFormClientIdThenAccepted() {
        String header = basic("web-app", TestClients.SECRET).replace("Basic", "basic");
        assertEquals("web-app", authenticate(header, "client_id", "web-app").clientId());
    }

    @Test
    void authenticateWhenBasicSecretWrongThenInvalidClientWithBasicChallenge() {
        OAuthException refused = assertOAuthError("invalid_client", () -> authenticate(basic("web-app", "wrong")));
        assertEquals(401, refused.status());
        assertEquals("Basic realm=\"latchkey\"", refused.challenge());
    }

    @Test
    void authenticateWhenBasicAndClientSecretInFormThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> authenticate(basic("web-app", TestClients.SECRET),
                "client_secret", TestClients.SECRET));
    }

    @Test
    void authenticateWhenBasicAndOtherFormClientIdThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> authenticate(basic("web-app", TestClients.SECRET),
                "client_id", "spa"));
    }

    @Test
    void authenticateWhenPostRightThenClientSecretPost() {
        AuthenticatedClient client = authenticate(null, "client_id", "web-app", "client_secret", TestClients.SECRET);
        assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, client.method());
    }

    @Test
    void authenticateWhenPostSecretWrongThenInvalidClientWithoutChallenge() {
        OAuthException refused = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "web-app", "client_secret", "wrong"));
        assertEquals(401, refused.status());
        assertNull(refused.challenge());
    }

    @Test
    void authenticateWhenClientUnknownThenSameInvalidClientAsWrongSecret() {
        OAuthException unknown = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "nobody", "client_secret", TestClients.SECRET));
        OAuthException wrong = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "web-app", "client_secret", "wrong"));
        assertEquals(wrong.description(), unknown.description());
    }

    @Test
    void authenticateWhenPublicClientIdOnlyThenNone() {
        AuthenticatedClient client = authenticate(null, "client_id", "spa");
        assertEquals(ClientAuthMethod.NONE, client.method());
    }

    @Test
    void authenticateWhenPublicClientSendsSecretThenInvalidClient() {
        OAuthException refused = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "spa", "client_secret", TestClients.SECRET));
        assertEquals("A public client has no secret; send client_id only", refused.description());
    }

    @Test
    void authenticateWhenConfidentialClientSendsNoSecretThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "web-app"));
    }

    @Test
    void authenticateWhenUnknownClientIdOnlyThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "nobody"));
    }

    @Test
    void authenticateWhenNoClientAtAllThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null));
    }

    @Test
    void authenticateWhenOtherAuthorizationSchemeThenIgnoredForFormAuthentication() {
        assertEquals(ClientAuthMethod.CLIENT_SECRET_POST, authenticate("Bearer abc", "client_id", "web-app",
                "client_secret", TestClients.SECRET).method());
    }

    private JWTClaimsSet claims(String clientId) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(TestServerSettings.ISSUER + "/token").jwtID(java.util.UUID.randomUUID().toString())
                .expirationTime(Date.from(clock.instant().plusSeconds(60))).build();
    }

    private AuthenticatedClient withAssertion(String assertion, String... more) {
        String[] parameters = new String[more.length + 4];
        parameters[0] = "client_assertion_type";
        parameters[1] = ClientAuthenticator.JWT_BEARER;
        parameters[2] = "client_assertion";
        parameters[3] = assertion;
        System.arraycopy(more, 0, parameters, 4, more.length);
        return authenticate(null, parameters);
    }

    @Test
    void authenticateWhenPrivateKeyJwtGoodThenPrivateKeyJwt() {
        AuthenticatedClient client = withAssertion(TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256,
                claims("signer")));
        assertEquals("signer", client.clientId());
        assertEquals(ClientAuthMethod.PRIVATE_KEY_JWT, client.method());
    }

    @Test
    void authenticateWhenClientIdSentAndSameAsSubjectThenAccepted() {
        assertEquals("signer", withAssertion(TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256,
                claims("signer")), "client_id", "signer").clientId());
    }

    @Test
    void authenticateWhenClientIdDiffersFromSubjectThenInvalidClient() {
        String assertion = TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims("signer"));
        assertOAuthError("invalid_client", () -> withAssertion(assertion, "client_id", "other-signer"));
    }

    @Test
    void authenticateWhenSignedWithAnotherClientsKeyThenInvalidClient() {
        // other-signer's key, claiming to be signer
        assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.sign(TestClientKeys.RSA,
                JWSAlgorithm.RS256, claims("signer"))));
    }

    @Test
    void authenticateWhenClientSecretJwtGoodThenClientSecretJwt() {
        AuthenticatedClient client = withAssertion(TestClientKeys.mac(TestClients.SECRET, claims("macer")));
        assertEquals(ClientAuthMethod.CLIENT_SECRET_JWT, client.method());
    }

    @Test
    void authenticateWhenClientSecretJwtWithWrongSecretThenInvalidClient() {
        assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.mac("x".repeat(40), claims("macer"))));
    }

    @Test
    void authenticateWhenHmacForPrivateKeyJwtClientThenInvalidClient() {
        assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.mac(TestClients.SECRET,
                claims("signer"))));
    }

    @Test
    void authenticateWhenClientSecretJwtForSecretBasicClientThenInvalidClient() {
        // web-app knows SECRET but registered client_secret_basic: no sealed secret, no MAC accepted
        assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.mac(TestClients.SECRET,
                claims("web-app"))));
    }

    @Test
    void authenticateWhenClientSecretJwtClientSendsItsSecretThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(basic("macer", TestClients.SECRET)));
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "macer",
                "client_secret", TestClients.SECRET));
    }

    @Test
    void authenticateWhenPrivateKeyJwtClientSendsNoAssertionThenInvalidClient() {
        assertOAuthError("invalid_client", () -> authenticate(null, "client_id", "signer"));
    }

    @Test
    void authenticateWhenUnsignedAssertionThenInvalidClient() {
        String unsigned = new com.nimbusds.jwt.PlainJWT(claims("signer")).serialize();
        assertOAuthError("invalid_client", () -> withAssertion(unsigned));
    }

    @Test
    void authenticateWhenAssertionTypeWrongOrAssertionMissingThenInvalidClient() {
        String assertion = TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims("signer"));
        assertOAuthError("invalid_client", () -> authenticate(null, "client_assertion_type",
                "urn:ietf:params:oauth:client-assertion-type:saml2-bearer", "client_assertion", assertion));
        assertOAuthError("invalid_client", () -> authenticate(null, "client_assertion", assertion));
        assertOAuthError("invalid_client", () -> authenticate(null, "client_assertion_type",
                ClientAuthenticator.JWT_BEARER, "client_id", "signer"));
    }

    @Test
    void authenticateWhenAssertionIsNoJwtThenInvalidClient() {
        assertOAuthError("invalid_client", () -> withAssertion("not.a.jwt"));
    }

    @Test
    void authenticateWhenAssertionOfUnknownClientThenInvalidClient() {
        assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.sign(TestClientKeys.EC,
                JWSAlgorithm.ES256, claims("nobody"))));
    }

    @Test
    void authenticateWhenAssertionAndBasicOrSecretThenInvalidRequest() {
        String assertion = TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims("signer"));
        assertOAuthError("invalid_request", () -> authenticate(basic("web-app", TestClients.SECRET),
                "client_assertion_type", ClientAuthenticator.JWT_BEARER, "client_assertion", assertion));
        assertOAuthError("invalid_request", () -> withAssertion(assertion, "client_secret", TestClients.SECRET));
    }

    @Test
    void authenticateWhenAssertionOversizedThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> withAssertion("a".repeat(8193)));
    }

    @Test
    void authenticateWhenAssertionRefusedThenSameDescriptionAsUnknownClient() {
        OAuthException wrongKey = assertOAuthError("invalid_client", () -> withAssertion(TestClientKeys.sign(
                TestClientKeys.RSA, JWSAlgorithm.RS256, claims("signer"))));
        OAuthException unknown = assertOAuthError("invalid_client",
                () -> authenticate(null, "client_id", "nobody", "client_secret", TestClients.SECRET));
        assertEquals(unknown.description(), wrongKey.description());
        assertNull(wrongKey.challenge());
    }
}

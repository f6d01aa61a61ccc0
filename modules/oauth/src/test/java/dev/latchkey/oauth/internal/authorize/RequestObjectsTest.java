package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.clientkeys.ClientKeys;
import dev.latchkey.oauth.internal.clientkeys.ClientSignatures;
import dev.latchkey.oauth.internal.clientkeys.JwksFetcher;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestServerSettings;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class RequestObjectsTest {

    private static final String ISSUER = TestServerSettings.ISSUER;

    private final TestClock clock = new TestClock();
    private final RequestObjects requestObjects = new RequestObjects(
            new ClientSignatures(new ClientKeys(new JwksFetcher(), clock)), new TestServerSettings(), clock);
    private final RegisteredClient client = TestClientKeys.privateKeyJwtClient("signer", TestClientKeys.EC,
            TestClientKeys.RSA);

    /** Claims of a good request object of {@link #client}, changed by {@code change}. */
    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder().issuer("signer").audience(ISSUER)
                .expirationTime(Date.from(clock.instant().plusSeconds(300)))
                .claim("client_id", "signer").claim("response_type", "code")
                .claim("redirect_uri", TestClients.REDIRECT_URI).claim("scope", "openid orders:read")
                .claim("nonce", "from-the-object")).build();
    }

    private AuthorizationParameters resolve(RegisteredClient as, String request, String... more) {
        String[] query = new String[more.length + 6];
        System.arraycopy(new String[] {"client_id", "signer", "response_type", "code", "request", request}, 0,
                query, 0, 6);
        System.arraycopy(more, 0, query, 6, more.length);
        return requestObjects.resolve(parameters(query), as);
    }

    private AuthorizationParameters resolve(String request, String... more) {
        return resolve(client, request, more);
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims(change));
    }

    private void assertInvalidObject(String request, String... more) {
        assertRefused(AuthorizationError.INVALID_REQUEST_OBJECT, () -> resolve(request, more));
    }

    @Test
    void resolveWhenNoRequestThenTheQueryAsItIs() {
        AuthorizationParameters query = parameters("client_id", "signer", "response_type", "code");
        assertSame(query, requestObjects.resolve(query, client));
    }

    @Test
    void resolveWhenSignedThenItsClaimsOverrideTheQueryAndTheQueryFillsTheRest() {
        AuthorizationParameters resolved = resolve(signed(c -> c), "nonce", "from-the-query", "state", "xyz",
                "scope", "openid");
        assertEquals("from-the-object", resolved.single("nonce").orElseThrow());
        assertEquals("openid orders:read", resolved.single("scope").orElseThrow());
        assertEquals("xyz", resolved.single("state").orElseThrow());
        assertEquals(TestClients.REDIRECT_URI, resolved.single("redirect_uri").orElseThrow());
        assertFalse(resolved.has("request"));
        assertFalse(resolved.has("iss") || resolved.has("aud") || resolved.has("exp"));
    }

    @Test
    void resolveWhenNumbersAndObjectsThenAsDecimalsAndJson() {
        AuthorizationParameters resolved = resolve(signed(c -> c.claim("max_age", 600)
                .claim("claims", Map.of("userinfo", Map.of("email", Map.of("essential", true))))));
        assertEquals("600", resolved.single("max_age").orElseThrow());
        assertEquals("{\"userinfo\":{\"email\":{\"essential\":true}}}", resolved.single("claims").orElseThrow());
    }

    @Test
    void resolveWhenSignedByEachAcceptedAlgorithmThenAccepted() {
        RegisteredClient all = TestClientKeys.privateKeyJwtClient("signer", TestClientKeys.EC, TestClientKeys.RSA,
                TestClientKeys.ED25519);
        Map<JWK, JWSAlgorithm> keys = Map.of(TestClientKeys.EC, JWSAlgorithm.ES256, TestClientKeys.RSA,
                JWSAlgorithm.PS256, TestClientKeys.ED25519, JWSAlgorithm.EdDSA);
        for (Map.Entry<JWK, JWSAlgorithm> key : keys.entrySet()) {
            String request = TestClientKeys.sign(key.getKey(), key.getValue(), claims(c -> c));
            assertEquals("from-the-object", resolve(all, request).single("nonce").orElseThrow());
        }
    }

    @Test
    void resolveWhenUnsignedThenInvalidRequestObject() {
        assertInvalidObject(new PlainJWT(claims(c -> c)).serialize());
    }

    @Test
    void resolveWhenNotAJwtThenInvalidRequestObject() {
        assertInvalidObject("not-a-jwt");
    }

    @Test
    void resolveWhenSignedByAnotherKeyThenInvalidRequestObject() {
        assertInvalidObject(TestClientKeys.sign(TestClientKeys.OTHER_RSA, JWSAlgorithm.RS256, claims(c -> c)));
    }

    @Test
    void resolveWhenClientHasNoKeysThenInvalidRequestObject() {
        RegisteredClient keyless = TestClients.webApp();
        String request = TestClientKeys.sign(TestClientKeys.EC, JWSAlgorithm.ES256, claims(c -> c
                .issuer("web-app").claim("client_id", "web-app")));
        assertRefused(AuthorizationError.INVALID_REQUEST_OBJECT, () -> requestObjects.resolve(parameters(
                "client_id", "web-app", "response_type", "code", "request", request), keyless));
    }

    @Test
    void resolveWhenAlgorithmIsNotTheRegisteredOneThenInvalidRequestObject() {
        ClientMetadata metadata = client.metadata();
        RegisteredClient onlyPs256 = new RegisteredClient(client.clientId(), client.name(), client.type(),
                client.secretHash(), client.redirectUris(), client.grantTypes(), client.scopes(), false,
                new ClientMetadata(null, metadata.tokenEndpointAuthMethod(), null, metadata.jwks(), null, "PS256",
                        null, null, null, false, null, null, null, null, List.of()));
        assertRefused(AuthorizationError.INVALID_REQUEST_OBJECT, () -> resolve(onlyPs256, signed(c -> c)));
        String ps256 = TestClientKeys.sign(TestClientKeys.RSA, JWSAlgorithm.PS256, claims(c -> c));
        assertEquals("from-the-object", resolve(onlyPs256, ps256).single("nonce").orElseThrow());
    }

    @Test
    void resolveWhenClientIdOrResponseTypeDiffersFromTheQueryThenInvalidRequestObject() {
        assertInvalidObject(signed(c -> c.claim("client_id", "someone-else")));
        assertInvalidObject(signed(c -> c.claim("response_type", "token")));
    }

    @Test
    void resolveWhenIssuerNotTheClientOrAudienceNotTheServerThenInvalidRequestObject() {
        assertInvalidObject(signed(c -> c.issuer("someone-else")));
        assertInvalidObject(signed(c -> c.audience("https://other.example.test")));
    }

    @Test
    void resolveWhenWithoutIssAudAndExpThenAccepted() {
        assertEquals("from-the-object", resolve(signed(c -> c.issuer(null).audience((String) null)
                .expirationTime(null))).single("nonce").orElseThrow());
    }

    @Test
    void resolveWhenExpiredOrNotYetValidThenInvalidRequestObject() {
        assertInvalidObject(signed(c -> c.expirationTime(Date.from(clock.instant().minusSeconds(60)))));
        assertInvalidObject(signed(c -> c.notBeforeTime(Date.from(clock.instant().plusSeconds(120)))));
    }

    @Test
    void resolveWhenObjectHoldsRequestOrRequestUriThenInvalidRequestObject() {
        assertInvalidObject(signed(c -> c.claim("request_uri", "https://app.example.test/r/1")));
        assertInvalidObject(signed(c -> c.claim("request", "x")));
    }

    @Test
    void resolveWhenOversizedThenInvalidRequestObject() {
        assertInvalidObject(signed(c -> c.claim("padding", "p".repeat(RequestObjects.MAX_LENGTH))));
    }

    @Test
    void resolveWhenRequestRepeatedOrWithRequestUriThenInvalidRequest() {
        String request = signed(c -> c);
        assertRefused(AuthorizationError.INVALID_REQUEST, () -> resolve(request, "request", request));
        assertRefused(AuthorizationError.INVALID_REQUEST, () -> resolve(request, "request_uri",
                "https://app.example.test/r/1"));
    }

    @Test
    void algorithmsAreTheAsymmetricOnes() {
        assertEquals(List.of("ES256", "EdDSA", "PS256", "RS256"), RequestObjects.algorithms());
    }
}

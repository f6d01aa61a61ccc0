package dev.latchkey.oauth.internal.client;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMetadataValidatorTest {

    private static final ECKey KEY = generate();

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientMetadata metadata(String method, String jwksUri, String jwks) {
        return new ClientMetadata(null, method, jwksUri, jwks, null, null, null, null, null, false, null, null, null,
                null, List.of());
    }

    private static ClientMetadata logout(List<String> postLogoutRedirectUris, String backchannelLogoutUri) {
        return new ClientMetadata(null, null, null, null, null, null, null, null, null, false, null, null, null,
                null, List.of(), postLogoutRedirectUris, backchannelLogoutUri, true);
    }

    @Test
    void validateWhenLogoutUrisOfAnAdminClientThenHttpsOrLoopbackHttpAccepted() {
        ClientMetadata given = logout(List.of("https://rp.example/bye", "http://127.0.0.1:8080/bye"),
                "http://localhost:9000/backchannel");
        ClientMetadata resolved = ClientMetadataValidator.validate(given, ClientType.CONFIDENTIAL);
        assertEquals(given.postLogoutRedirectUris(), resolved.postLogoutRedirectUris());
        assertEquals("http://localhost:9000/backchannel", resolved.backchannelLogoutUri());
        assertEquals(true, resolved.backchannelLogoutSessionRequired());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://rp.example/bye", "https://rp.example/bye#x", "/bye", "", "not a uri"})
    void validateWhenAPostLogoutRedirectUriBreaksTheRedirectUriRulesThenProblem(String uri) {
        assertProblem(400, () -> ClientMetadataValidator.validate(logout(List.of(uri), null), ClientType.PUBLIC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://rp.example/bc", "https://rp.example/bc#x", "/bc", "ftp://rp.example/bc",
            "https:///bc", "not a uri"})
    void validateWhenTheBackchannelLogoutUriIsNotHttpsOrLoopbackWithoutFragmentThenProblem(String uri) {
        assertProblem(400, () -> ClientMetadataValidator.validate(logout(List.of(), uri), ClientType.CONFIDENTIAL));
    }

    @Test
    void validateWhenDefaultsThenTheDefaultsOfTheClientType() {
        ClientMetadata confidential = ClientMetadataValidator.validate(ClientMetadata.DEFAULTS, ClientType.CONFIDENTIAL);
        assertEquals("web", confidential.applicationType());
        assertEquals("client_secret_basic", confidential.tokenEndpointAuthMethod());
        assertEquals("RS256", confidential.idTokenSignedResponseAlg());
        assertNull(confidential.accessTokenLifetime());
        assertEquals("none",
                ClientMetadataValidator.validate(ClientMetadata.DEFAULTS, ClientType.PUBLIC).tokenEndpointAuthMethod());
    }

    @Test
    void validateWhenPublicClientWithASecretMethodThenProblem() {
        assertProblem(400, () -> ClientMetadataValidator.validate(metadata("client_secret_post", null, null),
                ClientType.PUBLIC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "tls_client_auth", "unknown"})
    void validateWhenConfidentialClientWithAnUnsupportedMethodThenProblem(String method) {
        assertProblem(400, () -> ClientMetadataValidator.validate(metadata(method, null, null), ClientType.CONFIDENTIAL));
    }

    @Test
    void validateWhenPrivateKeyJwtWithoutKeysThenProblem() {
        assertProblem(400, () -> ClientMetadataValidator.validate(metadata("private_key_jwt", null, null),
                ClientType.CONFIDENTIAL));
    }

    @Test
    void validateWhenPrivateKeyJwtWithPublicJwksOrHttpsJwksUriThenAccepted() {
        String jwks = new JWKSet(KEY.toPublicJWK()).toString();
        assertEquals(jwks, ClientMetadataValidator.validate(metadata("private_key_jwt", null, jwks),
                ClientType.CONFIDENTIAL).jwks());
        assertEquals("https://app.example/jwks", ClientMetadataValidator.validate(
                metadata("private_key_jwt", "https://app.example/jwks", null), ClientType.CONFIDENTIAL).jwksUri());
    }

    @Test
    void validateWhenJwksHasAPrivateKeyIsEmptyOrMalformedThenProblem() {
        for (String jwks : List.of(new JWKSet(KEY).toString(false), "{\"keys\":[]}", "{not json", "[]")) {
            assertProblem(400, () -> ClientMetadataValidator.validate(metadata("private_key_jwt", null, jwks),
                    ClientType.CONFIDENTIAL));
        }
    }

    @Test
    void validateWhenBothJwksAndJwksUriThenProblem() {
        String jwks = new JWKSet(KEY.toPublicJWK()).toString();
        assertProblem(400, () -> ClientMetadataValidator.validate(
                metadata("private_key_jwt", "https://app.example/jwks", jwks), ClientType.CONFIDENTIAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/jwks", "relative/jwks", "https://app.example/jwks#k", "not a uri"})
    void validateWhenJwksUriNotHttpsThenProblem(String uri) {
        assertProblem(400, () -> ClientMetadataValidator.validate(metadata("private_key_jwt", uri, null),
                ClientType.CONFIDENTIAL));
    }

    @Test
    void validateWhenFieldsOutOfRangeThenProblemNamingTheField() {
        List<ClientMetadata> bad = List.of(
                new ClientMetadata("desktop", null, null, null, null, null, null, null, null, false, null, null, null,
                        null, List.of()),
                new ClientMetadata(null, null, null, null, "HS256", null, null, null, null, false, null, null, null,
                        null, List.of()),
                new ClientMetadata(null, null, null, null, null, "none", null, null, null, false, null, null, null,
                        null, List.of()),
                new ClientMetadata(null, null, null, null, null, null, Duration.ZERO, null, null, false, null, null,
                        null, null, List.of()),
                new ClientMetadata(null, null, null, null, null, null, Duration.ofDays(2), null, null, false, null,
                        null, null, null, List.of()),
                new ClientMetadata(null, null, null, null, null, null, null, Duration.ofDays(400), null, false, null,
                        null, null, null, List.of()),
                new ClientMetadata(null, null, null, null, null, null, null, null, -1, false, null, null, null, null,
                        List.of()),
                new ClientMetadata(null, null, null, null, null, null, null, null, null, false, "http://app.example",
                        null, null, null, List.of()),
                new ClientMetadata(null, null, null, null, null, null, null, null, null, false, null, null, null, null,
                        List.of("not-an-address")),
                new ClientMetadata(null, null, null, null, null, null, null, null, null, false, null, null, null, null,
                        List.of("a@b.c", "a@b.c", "a@b.c", "a@b.c", "a@b.c", "a@b.c", "a@b.c", "a@b.c", "a@b.c",
                                "a@b.c", "a@b.c")));
        for (ClientMetadata metadata : bad) {
            assertProblem(400, () -> ClientMetadataValidator.validate(metadata, ClientType.CONFIDENTIAL));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "PS256", "EdDSA"})
    void validateWhenAnIdTokenAlgorithmLatchkeySignsWithThenAccepted(String alg) {
        ClientMetadata given = new ClientMetadata(null, null, null, null, alg, null, null, null, null, false, null,
                null, null, null, List.of());
        assertEquals(alg, ClientMetadataValidator.validate(given, ClientType.CONFIDENTIAL).idTokenSignedResponseAlg());
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "RS384", "ES512", "Ed25519", "eddsa"})
    void validateWhenAnIdTokenAlgorithmLatchkeyDoesNotSignWithThenProblem(String alg) {
        ClientMetadata given = new ClientMetadata(null, null, null, null, alg, null, null, null, null, false, null,
                null, null, null, List.of());
        assertProblem(400, () -> ClientMetadataValidator.validate(given, ClientType.CONFIDENTIAL));
    }

    @Test
    void validateWhenEveryFieldIsValidThenKeptAsGiven() {
        ClientMetadata given = new ClientMetadata("native", "client_secret_post", null, null, "ES256", "PS256",
                Duration.ofMinutes(10), Duration.ofDays(7), 3600, true, "https://app.example",
                "https://app.example/logo.png", "https://app.example/privacy", "https://app.example/tos",
                List.of("ops@app.example"));
        assertEquals(given, ClientMetadataValidator.validate(given, ClientType.CONFIDENTIAL));
    }
}

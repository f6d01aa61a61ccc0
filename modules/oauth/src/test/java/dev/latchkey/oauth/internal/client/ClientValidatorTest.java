package dev.latchkey.oauth.internal.client;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientValidatorTest {

    static ClientDefinition definition(ClientType type, String secret, List<String> uris, Set<String> grants,
                                       Set<String> scopes) {
        return new ClientDefinition("app", null, type, secret, uris, grants, scopes, false);
    }

    @Test
    void validateWhenListsAbsentThenDefaults() {
        RegisteredClient client = ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null,
                List.of("https://app.example/cb"), Set.of(), Set.of()));
        assertEquals(Set.of("authorization_code", "refresh_token"), client.grantTypes());
        assertEquals(Set.of("openid", "profile", "email"), client.scopes());
        assertEquals("app", client.name());
        assertNull(client.secretHash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "https://app.example:8443/cb?x=1", "http://127.0.0.1:8080/cb",
            "http://[::1]:8080/cb", "http://localhost/cb", "HTTPS://APP.EXAMPLE/cb"})
    void checkRedirectUriWhenHttpsOrLoopbackThenAccepted(String uri) {
        assertDoesNotThrow(() -> ClientValidator.checkRedirectUri("redirect_uris", uri, "web"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/cb", "https://app.example/cb#frag", "/relative/cb", "app://cb",
            "com.example.app:/cb", "https://app.example/c b", " ", "javascript:alert(1)"})
    void checkRedirectUriWhenNotHttpsOrLoopbackOrHasFragmentThenValidationProblem(String uri) {
        assertProblem(400, () -> ClientValidator.checkRedirectUri("redirect_uris", uri, "web"));
    }

    @Test
    void validateWhenRedirectUriNullThenValidationProblem() {
        java.util.ArrayList<String> uris = new java.util.ArrayList<>();
        uris.add(null);
        assertProblem(400, () -> ClientValidator.checkRedirectUri("redirect_uris", uris.get(0), "web"));
    }

    @Test
    void validateWhenRedirectUrisTooLongTogetherThenValidationProblem() {
        List<String> uris = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> "https://app.example/" + "x".repeat(80) + i).toList();
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, uris,
                Set.of(), Set.of())));
    }

    @Test
    void validateWhenPublicClientWithClientCredentialsThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.PUBLIC, null, List.of(),
                Set.of("client_credentials"), Set.of())));
    }

    @Test
    void validateWhenAuthorizationCodeWithoutRedirectUriThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, List.of(),
                Set.of("authorization_code"), Set.of())));
    }

    @Test
    void validateWhenRefreshTokenAloneThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, List.of(),
                Set.of("refresh_token", "client_credentials"), Set.of())));
    }

    @Test
    void validateWhenUnknownGrantTypeThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, List.of(),
                Set.of("implicit"), Set.of())));
    }

    @Test
    void validateWhenPasswordListedThenAllowed() {
        assertEquals(Set.of("password", "refresh_token"), ClientValidator.validate(definition(ClientType.PUBLIC, null,
                List.of(), Set.of("password", "refresh_token"), Set.of())).grantTypes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "orders read", "orders/read", ""})
    void validateWhenScopeMalformedThenValidationProblem(String scope) {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, List.of(),
                Set.of("client_credentials"), Set.of(scope))));
    }

    @Test
    void validateWhenCustomScopeThenAccepted() {
        assertEquals(Set.of("orders:read", "api.v1_x-y"), ClientValidator.validate(definition(ClientType.CONFIDENTIAL,
                null, List.of(), Set.of("client_credentials"), Set.of("orders:read", "api.v1_x-y"))).scopes());
    }

    @Test
    void validateWhenScopesTooLongThenValidationProblem() {
        Set<String> scopes = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            scopes.add("scope-number-" + i + "-abcdefgh");
        }
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, null, List.of(),
                Set.of("client_credentials"), scopes)));
    }

    @Test
    void validateWhenSecretShortThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, "x".repeat(31),
                List.of(), Set.of("client_credentials"), Set.of())));
    }

    @Test
    void validateWhenSecretTooLongThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.CONFIDENTIAL, "x".repeat(513),
                List.of(), Set.of("client_credentials"), Set.of())));
    }

    @Test
    void validateWhenPublicClientWithSecretThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(definition(ClientType.PUBLIC, "x".repeat(40),
                List.of(), Set.of("password"), Set.of())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/inside", "ünïcode"})
    void validateWhenClientIdMalformedThenValidationProblem(String clientId) {
        assertProblem(400, () -> ClientValidator.validate(new ClientDefinition(clientId, null, ClientType.PUBLIC,
                null, List.of(), Set.of("password"), Set.of(), false)));
    }

    @Test
    void validateWhenClientIdNullOrTypeNullThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(new ClientDefinition(null, null, ClientType.PUBLIC,
                null, List.of(), Set.of("password"), Set.of(), false)));
        assertProblem(400, () -> ClientValidator.validate(new ClientDefinition("app", null, null,
                null, List.of(), Set.of("password"), Set.of(), false)));
    }

    @Test
    void validateWhenNameTooLongThenValidationProblem() {
        assertProblem(400, () -> ClientValidator.validate(new ClientDefinition("app", "n".repeat(256),
                ClientType.PUBLIC, null, List.of(), Set.of("password"), Set.of(), false)));
    }

    @Test
    void validateWhenRedirectUriRepeatedThenKeptOnce() {
        assertEquals(List.of("https://app.example/cb"), ClientValidator.validate(definition(ClientType.CONFIDENTIAL,
                null, List.of("https://app.example/cb", "https://app.example/cb"), Set.of(), Set.of())).redirectUris());
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.app:/callback", "com.example.app:callback", "http://127.0.0.1/cb",
            "https://app.example/cb"})
    void checkRedirectUriWhenNativeAppThenPrivateUseSchemesWithADotAreAccepted(String uri) {
        assertDoesNotThrow(() -> ClientValidator.checkRedirectUri("redirect_uris", uri, "native"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"myapp:/callback", "com.example.app:/callback#frag", "javascript:alert(1)"})
    void checkRedirectUriWhenNativeAppAndSchemeWithoutADotOrFragmentThenProblem(String uri) {
        assertProblem(400, () -> ClientValidator.checkRedirectUri("redirect_uris", uri, "native"));
    }

    @Test
    void checkRedirectUriWhenWebAppAndPrivateUseSchemeThenProblem() {
        assertProblem(400, () -> ClientValidator.checkRedirectUri("redirect_uris", "com.example.app:/callback", "web"));
    }
}

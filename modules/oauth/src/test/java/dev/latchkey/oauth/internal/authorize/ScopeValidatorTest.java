package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.authorize.ClientVariants.withScopes;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static dev.latchkey.oauth.internal.authorize.TestRequests.parameters;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeValidatorTest {

    private final ScopeValidator validator = new ScopeValidator();

    @Test
    void validateWhenEveryScopeAllowedThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "scope", "openid profile email")));
    }

    @Test
    void validateWhenScopeAbsentAndClientAllowedOpenidThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @Test
    void validateWhenScopeAbsentAndClientNotAllowedOpenidThenInvalidScope() {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_SCOPE,
                () -> validator.validate(context(withScopes(webApp(), "api:read"))));
        assertEquals("scope missing and the client has no default scope", refusal.description());
    }

    @Test
    void validateWhenScopeEmptyThenTreatedAsAbsent() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(), "scope", "")));
    }

    @Test
    void validateWhenScopeOnlySpacesThenInvalidScope() {
        assertRefused(AuthorizationError.INVALID_SCOPE, () -> validator.validate(context(webApp(), "scope", "  ")));
    }

    @Test
    void validateWhenScopeUnknownThenInvalidScopeNamingIt() {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_SCOPE,
                () -> validator.validate(context(webApp(), "scope", "openid admin profile")));
        assertEquals("scopes unknown or not allowed for this client: admin", refusal.description());
    }

    @Test
    void validateWhenScopeKnownButNotAllowedForClientThenInvalidScope() {
        assertRefused(AuthorizationError.INVALID_SCOPE,
                () -> validator.validate(context(withScopes(webApp(), "openid"), "scope", "openid email")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"openid \"profile\"", "openid pro\\file", "openid\u00e9"})
    void validateWhenScopeTokenHasForbiddenCharacterThenInvalidScope(String scope) {
        assertRefused(AuthorizationError.INVALID_SCOPE, () -> validator.validate(context(webApp(), "scope", scope)));
    }

    @Test
    void validateWhenScopeCaseDiffersThenInvalidScope() {
        assertRefused(AuthorizationError.INVALID_SCOPE, () -> validator.validate(context(webApp(), "scope", "OpenID")));
    }

    @Test
    void requestedWhenRepeatedTokensAndExtraSpacesThenEachOnceInRequestOrder() {
        assertEquals("profile openid email",
                ScopeValidator.requested(parameters("scope", " profile  openid email profile ")).toString());
    }

    @Test
    void requestedWhenAbsentThenOpenid() {
        assertEquals("openid", ScopeValidator.requested(parameters()).toString());
    }
}

package dev.latchkey.oauth.internal.protocol;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

    @Test
    void parseKeepsOrderAndDropsRepeatsAndExtraSpaces() {
        Scope scope = Scope.parse("openid  profile openid orders:read");
        assertEquals(List.of("openid", "profile", "orders:read"), List.copyOf(scope.values()));
        assertEquals("openid profile orders:read", scope.toString());
    }

    @Test
    void parseWhenNullOrBlankThenEmpty() {
        assertTrue(Scope.parse(null).isEmpty());
        assertTrue(Scope.parse("   ").isEmpty());
        assertEquals("", Scope.EMPTY.toString());
    }

    @Test
    void parseWhenCharacterOutsideRfc6749ThenInvalidScope() {
        assertOAuthError("invalid_scope", () -> Scope.parse("open\"id"));
        assertOAuthError("invalid_scope", () -> Scope.parse("a\\b"));
        assertOAuthError("invalid_scope", () -> Scope.parse("caf\u00e9"));
    }

    @Test
    void setOperations() {
        Scope scope = Scope.parse("openid profile orders:read");
        assertTrue(scope.containsAll(Scope.parse("profile openid")));
        assertFalse(scope.containsAll(Scope.parse("email")));
        assertEquals("openid orders:read", scope.retain(List.of("orders:read", "openid", "x")).toString());
        assertEquals("orders:read", scope.without(Scope.STANDARD).toString());
        assertEquals("openid profile", Scope.of(List.of("openid", "profile")).toString());
    }
}

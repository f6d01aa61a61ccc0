package dev.latchkey.kernel.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecureTokensTest {

    @Test
    void newTokenHas256BitsInBase64UrlWithoutPadding() {
        String token = SecureTokens.newToken();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
        assertNotEquals(token, SecureTokens.newToken());
        assertEquals(22, SecureTokens.newToken(16).length());
    }

    @Test
    void hashIsTheSha256OfTheTokenInBase64Url() {
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertEquals("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0", SecureTokens.hash("abc"));
        assertEquals(SecureTokens.hash("same"), SecureTokens.hash("same"));
    }

    @Test
    void constantTimeEqualsComparesContentAndRefusesNull() {
        assertTrue(SecureTokens.constantTimeEquals("secret", "secret"));
        assertFalse(SecureTokens.constantTimeEquals("secret", "secreT"));
        assertFalse(SecureTokens.constantTimeEquals("secret", "secret2"));
        assertFalse(SecureTokens.constantTimeEquals(null, "secret"));
        assertFalse(SecureTokens.constantTimeEquals("secret", null));
    }
}

package dev.latchkey.oauth.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OAuthExceptionTest {

    @Test
    void tokenEndpointErrorsAre400Except401InvalidClient() {
        assertEquals(400, OAuthException.invalidRequest("x").status());
        assertEquals(400, OAuthException.invalidGrant("x").status());
        assertEquals(400, OAuthException.unauthorizedClient("x").status());
        assertEquals(400, OAuthException.unsupportedGrantType("x").status());
        assertEquals(400, OAuthException.invalidScope("x").status());
        assertEquals(401, OAuthException.invalidClient("x", false).status());
        assertNull(OAuthException.invalidClient("x", false).challenge());
        assertNull(OAuthException.invalidGrant("x").challenge());
    }

    @Test
    void bearerChallengeDescriptionHasNoQuoteOrBackslash() {
        OAuthException refused = OAuthException.invalidToken("bad \"token\" \\ é");
        assertEquals("Bearer realm=\"latchkey\", error=\"invalid_token\", error_description=\"bad 'token' ' '\"",
                refused.challenge());
        assertEquals("bad \"token\" \\ é", refused.description());
        assertEquals("invalid_token", refused.error());
    }
}

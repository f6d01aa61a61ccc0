package dev.latchkey.oauth.internal.userinfo;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.latchkey.oauth.internal.protocol.OAuthException;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void extractWhenHeaderThenToken() {
        assertEquals("abc.def-_~+/=", BearerToken.extract("Bearer abc.def-_~+/=", null));
        assertEquals("abc", BearerToken.extract("bearer abc", null));
    }

    @Test
    void extractWhenFormOnlyThenToken() {
        assertEquals("abc", BearerToken.extract(null, "abc"));
        assertEquals("abc", BearerToken.extract("Basic xyz", "abc"));
    }

    @Test
    void extractWhenBothThenInvalidRequestWithChallenge() {
        OAuthException refused = assertOAuthError("invalid_request", () -> BearerToken.extract("Bearer abc", "abc"));
        assertEquals(400, refused.status());
        assertEquals("Bearer realm=\"latchkey\", error=\"invalid_request\", "
                + "error_description=\"Send the access token in one place, not two\"", refused.challenge());
    }

    @Test
    void extractWhenMalformedOrTooLongThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> BearerToken.extract("Bearer a b", null));
        assertOAuthError("invalid_request", () -> BearerToken.extract("Bearer ", null));
        assertOAuthError("invalid_request", () -> BearerToken.extract(null, "x".repeat(8193)));
    }

    @Test
    void extractWhenNoneThenMissingToken() {
        assertEquals(401, assertOAuthError("invalid_request", () -> BearerToken.extract(null, null)).status());
    }

    @Test
    void fromFormWhenPresentAbsentOrRepeated() {
        assertEquals("abc", BearerToken.fromForm("access_token=abc&x=1"));
        assertNull(BearerToken.fromForm("x=1"));
        assertNull(BearerToken.fromForm(""));
        assertNull(BearerToken.fromForm("access_token="));
        assertOAuthError("invalid_request", () -> BearerToken.fromForm("access_token=a&access_token=b"));
    }
}

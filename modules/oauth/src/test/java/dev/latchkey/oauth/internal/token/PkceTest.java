package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceTest {

    private static final String VERIFIER = AuthorizationCodeGrantHandlerTest.VERIFIER;
    private static final String CHALLENGE = AuthorizationCodeGrantHandlerTest.CHALLENGE;

    @Test
    void challengeOfMatchesRfc7636AppendixB() {
        assertEquals(CHALLENGE, Pkce.challengeOf(VERIFIER));
    }

    @Test
    void verifyWhenVerifierMatchesThenPasses() {
        assertDoesNotThrow(() -> Pkce.verify(CHALLENGE, "S256", VERIFIER, true));
    }

    @Test
    void verifyWhenMethodPlainThenInvalidGrant() {
        assertOAuthError("invalid_grant", () -> Pkce.verify(VERIFIER, "plain", VERIFIER, true));
    }

    @Test
    void verifyWhenNoChallengeAndConfidentialWithoutVerifierThenPasses() {
        assertDoesNotThrow(() -> Pkce.verify(null, null, null, false));
    }

    @Test
    void verifyWhenNoChallengeButVerifierThenInvalidGrant() {
        assertOAuthError("invalid_grant", () -> Pkce.verify(null, null, VERIFIER, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {43, 128})
    void checkSyntaxWhenLengthAtBoundsThenPasses(int length) {
        assertDoesNotThrow(() -> Pkce.checkSyntax("a".repeat(length)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"too-short", "with space in it and long enough to be forty three", "plus+is+not+unreserved+and+long+enough+to+pass"})
    void checkSyntaxWhenMalformedThenInvalidRequest(String verifier) {
        assertOAuthError("invalid_request", () -> Pkce.checkSyntax(verifier));
    }

    @Test
    void checkSyntaxWhenTooLongThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> Pkce.checkSyntax("a".repeat(129)));
    }

    @Test
    void checkSyntaxWhenAbsentThenPasses() {
        assertDoesNotThrow(() -> Pkce.checkSyntax(null));
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.webApp;
import static dev.latchkey.oauth.internal.fixtures.TestClients.spa;
import static dev.latchkey.oauth.internal.authorize.TestRequests.CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.TestRequests.assertRefused;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PkceValidatorTest {

    private final PkceValidator validator = new PkceValidator();

    @Test
    void validateWhenPublicClientSendsS256ChallengeThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(spa(),
                "code_challenge", CHALLENGE, "code_challenge_method", "S256")));
    }

    @Test
    void validateWhenConfidentialClientSendsS256ChallengeThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp(),
                "code_challenge", CHALLENGE, "code_challenge_method", "S256")));
    }

    @Test
    void validateWhenConfidentialClientSendsNoChallengeThenAccepted() {
        assertDoesNotThrow(() -> validator.validate(context(webApp())));
    }

    @Test
    void validateWhenPublicClientSendsNoChallengeThenPkceRequired() {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(spa())));
        assertEquals("PKCE required: code_challenge missing", refusal.description());
    }

    @Test
    void validateWhenMethodWithoutChallengeThenInvalidRequest() {
        assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(webApp(), "code_challenge_method", "S256")));
    }

    @Test
    void validateWhenMethodAbsentThenPlainAndRefused() {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(spa(), "code_challenge", CHALLENGE)));
        assertEquals("code_challenge_method must be S256", refusal.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "s256", "S512", "SHA256"})
    void validateWhenMethodNotS256ThenInvalidRequest(String method) {
        assertRefused(AuthorizationError.INVALID_REQUEST, () -> validator.validate(context(spa(),
                "code_challenge", CHALLENGE, "code_challenge_method", method)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cMM",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw/cM",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c=",
        "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw c"})
    void validateWhenChallengeNot43Base64UrlCharactersThenInvalidRequest(String challenge) {
        AuthorizationException refusal = assertRefused(AuthorizationError.INVALID_REQUEST,
                () -> validator.validate(context(spa(), "code_challenge", challenge, "code_challenge_method", "S256")));
        assertEquals("code_challenge must be 43 base64url characters", refusal.description());
    }
}

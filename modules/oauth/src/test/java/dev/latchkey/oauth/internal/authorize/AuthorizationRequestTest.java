package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.fixtures.TestClients.spa;
import static dev.latchkey.oauth.internal.authorize.TestRequests.CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.TestRequests.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import dev.latchkey.session.api.SsoSession;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthorizationRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final String REDIRECT_URI = spa().redirectUris().get(0);

    @Test
    void fromWhenEveryParameterGivenThenReadsThem() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "response_type", "code",
                "client_id", "spa", "redirect_uri", REDIRECT_URI, "scope", "openid email", "nonce", "n-1",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256", "prompt", "none"));

        assertEquals(spa(), request.client());
        assertEquals(REDIRECT_URI, request.redirectUri());
        assertEquals(REDIRECT_URI, request.requestedRedirectUri());
        assertEquals("openid email", request.scope());
        assertEquals("n-1", request.nonce());
        assertEquals(CHALLENGE, request.codeChallenge());
        assertEquals("S256", request.codeChallengeMethod());
        assertTrue(request.promptNone());
        assertFalse(request.promptLogin());
        assertNull(request.maxAge());
    }

    @Test
    void wantsLoginAfterWhenNeitherPromptLoginNorMaxAgeThenNever() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa()));

        assertFalse(request.wantsLoginAfter(NOW.minusSeconds(86_400), NOW));
        assertFalse(request.demandsFreshLogin());
    }

    @Test
    void wantsLoginAfterWhenPromptLoginThenAlways() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "prompt", "login consent"));

        assertTrue(request.promptLogin());
        assertTrue(request.wantsLoginAfter(NOW, NOW));
        assertTrue(request.demandsFreshLogin());
    }

    @Test
    void wantsLoginAfterWhenMaxAgeZeroThenAlways() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "max_age", "0"));

        assertTrue(request.wantsLoginAfter(NOW, NOW));
        assertTrue(request.demandsFreshLogin());
    }

    @Test
    void wantsLoginAfterWhenMaxAgeThenOnlyOlderAuthentications() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "max_age", "60"));

        assertFalse(request.wantsLoginAfter(NOW.minusSeconds(60), NOW));
        assertTrue(request.wantsLoginAfter(NOW.minusSeconds(61), NOW));
    }

    @Test
    void fromWhenOptionalParametersAbsentThenNullsAndDefaultScope() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "response_type", "code",
                "client_id", "spa", "prompt", "login"));

        assertEquals(REDIRECT_URI, request.redirectUri());
        assertNull(request.requestedRedirectUri());
        assertEquals("openid", request.scope());
        assertNull(request.nonce());
        assertNull(request.codeChallenge());
        assertNull(request.codeChallengeMethod());
        assertFalse(request.promptNone());
    }

    @Test
    void grantWhenSessionThenBindsRequestUserSessionAndTimes() {
        AuthorizationRequest request = AuthorizationRequest.from(context(spa(), "redirect_uri", REDIRECT_URI,
                "scope", "openid", "nonce", "n-1", "code_challenge", CHALLENGE, "code_challenge_method", "S256"));
        UUID userId = UUID.randomUUID();
        Instant authTime = NOW.minusSeconds(90);
        SsoSession session = TestSessions.session("sid-1", userId, authTime, List.of("pwd", "otp"), authTime, NOW);

        assertEquals(new AuthorizationCode("spa", REDIRECT_URI, userId, "sid-1", "openid", "n-1", CHALLENGE, "S256",
                authTime, List.of("pwd", "otp"), NOW, List.of(), null), request.grant(session, NOW));
    }
}

package dev.latchkey.oauth.internal.token;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestLoginFlow;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PasswordGrantHandlerTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private TokenResponse login(String username, String password, String... extra) {
        List<String> parameters = new java.util.ArrayList<>(List.of("grant_type", "password", "client_id", "cli",
                "username", username, "password", password));
        parameters.addAll(List.of(extra));
        return fixture.endpoint.exchange(form(parameters.toArray(String[]::new)), null, "203.0.113.9", "curl/8");
    }

    @Test
    void loginWhenPasswordRightThenTokensWithGroupsForMicroProfileJwt() throws ParseException {
        TokenResponse response = login("alice", OAuthFixture.PASSWORD);
        assertEquals("email openid profile", response.scope());
        assertNotNull(response.refreshToken());
        assertNotNull(response.idToken());
        JWTClaimsSet claims = fixture.verifiedByJwks(response.accessToken()).getJWTClaimsSet();
        assertEquals(List.of("admin", "user"), claims.getStringListClaim("groups"));
        assertEquals("alice", claims.getStringClaim("upn"));
        assertEquals("alice", claims.getStringClaim("preferred_username"));
        assertEquals(TestLoginFlow.AUTHENTICATED.getEpochSecond(), claims.getLongClaim("auth_time"));
        assertEquals("203.0.113.9", fixture.logins.lastContext().remoteAddress());
        assertEquals("curl/8", fixture.logins.lastContext().userAgent());
        assertEquals("cli", fixture.logins.lastContext().clientId());
        JWTClaimsSet id = fixture.verifiedByJwks(response.idToken()).getJWTClaimsSet();
        assertEquals(List.of("pwd"), id.getStringListClaim("amr"));
        assertNull(id.getClaim("sid"));
    }

    @Test
    void loginWhenScopeNarrowedThenThatScope() {
        TokenResponse response = login("alice", OAuthFixture.PASSWORD, "scope", "profile");
        assertEquals("profile", response.scope());
        assertNull(response.idToken());
    }

    @Test
    void loginWhenScopeNotRegisteredThenInvalidScope() {
        assertOAuthError("invalid_scope", () -> login("alice", OAuthFixture.PASSWORD, "scope", "openid admin:all"));
    }

    @Test
    void loginWhenPasswordWrongThenInvalidGrant() {
        assertOAuthError("invalid_grant", () -> login("alice", "wrong"));
    }

    @Test
    void loginWhenUserUnknownThenSameInvalidGrant() {
        var unknown = assertOAuthError("invalid_grant", () -> login("nobody", OAuthFixture.PASSWORD));
        var wrong = assertOAuthError("invalid_grant", () -> login("alice", "wrong"));
        assertEquals(wrong.description(), unknown.description());
    }

    @Test
    void loginWhenSecondStepRequiredThenInvalidGrantInteractiveLogin() {
        UUID bob = UUID.randomUUID();
        fixture.logins.with("bob", bob, "bobs password", true);
        var refused = assertOAuthError("invalid_grant", () -> login("bob", "bobs password"));
        assertTrue(refused.description().toLowerCase(java.util.Locale.ROOT).contains("interactive login required"));
    }

    @Test
    void loginWhenUserDisabledThenInvalidGrant() {
        fixture.users.with(TestUsers.disabled(TestUsers.alice()));
        assertOAuthError("invalid_grant", () -> login("alice", OAuthFixture.PASSWORD));
    }

    @Test
    void loginWhenUsernameMissingThenInvalidRequest() {
        assertOAuthError("invalid_request", () -> fixture.endpoint.exchange(form("grant_type", "password",
                "client_id", "cli", "password", "x"), null, "ip", "ua"));
    }

    @Test
    void loginWhenClientHasNoRefreshGrantThenNoRefreshToken() {
        fixture.clients.put("cli", new RegisteredClient("cli", "CLI", dev.latchkey.oauth.api.ClientType.PUBLIC, null,
                List.of(), Set.of("password"), Set.of("openid"), true));
        assertNull(login("alice", OAuthFixture.PASSWORD).refreshToken());
        assertTrue(fixture.refreshTokenStore.all().isEmpty());
    }
}

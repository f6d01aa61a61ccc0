package dev.latchkey.oauth.internal.userinfo;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserinfoTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private String token(String scope) {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse(scope),
                fixture.clock.instant(), List.of("pwd"), null, null), fixture.clock.instant()).value();
    }

    @Test
    void claimsWhenProfileAndEmailThenEveryClaim() {
        UserinfoResponse claims = fixture.userinfo.claims("Bearer " + token("openid profile email"), null);
        assertEquals(TestUsers.alice().id().toString(), claims.sub());
        assertEquals("Alice Liddell", claims.name());
        assertEquals("Alice", claims.givenName());
        assertEquals("Liddell", claims.familyName());
        assertEquals("alice", claims.preferredUsername());
        assertEquals(TestUsers.UPDATED.getEpochSecond(), claims.updatedAt());
        assertEquals("alice@example.test", claims.email());
        assertEquals(Boolean.TRUE, claims.emailVerified());
    }

    @Test
    void claimsWhenOpenIdOnlyThenSubOnly() {
        UserinfoResponse claims = fixture.userinfo.claims("Bearer " + token("openid"), null);
        assertEquals(new UserinfoResponse(TestUsers.alice().id().toString(), null, null, null, null, null, null, null),
                claims);
    }

    @Test
    void claimsWhenEmailScopeButNoEmailThenNeitherEmailClaim() {
        UserView alice = TestUsers.alice();
        fixture.users.with(new UserView(alice.id(), alice.username(), null, false, null, null, null, UserStatus.ACTIVE,
                Set.of(), alice.createdAt(), null));
        UserinfoResponse claims = fixture.userinfo.claims("Bearer " + token("openid profile email"), null);
        assertNull(claims.email());
        assertNull(claims.emailVerified());
        assertNull(claims.updatedAt());
        assertEquals("alice", claims.preferredUsername());
    }

    @Test
    void claimsWhenTokenInFormThenAccepted() {
        assertEquals(TestUsers.alice().id().toString(), fixture.userinfo.claims(null, token("openid")).sub());
    }

    @Test
    void claimsWhenNoOpenIdScopeThenInsufficientScope() {
        OAuthException refused = assertOAuthError("insufficient_scope",
                () -> fixture.userinfo.claims("Bearer " + token("profile"), null));
        assertEquals(403, refused.status());
        assertTrue(refused.challenge().contains("error=\"insufficient_scope\""));
    }

    @Test
    void claimsWhenClientTokenThenInsufficientScope() {
        // a token without a user, even one that somehow carries openid
        String clientToken = fixture.accessTokens.mint(TokenGrant.forClient(TestClients.service(), Scope.parse("openid")),
                fixture.clock.instant()).value();
        assertOAuthError("insufficient_scope", () -> fixture.userinfo.claims("Bearer " + clientToken, null));
    }

    @Test
    void claimsWhenUserDisabledOrGoneThenInvalidToken() {
        String token = token("openid");
        fixture.users.with(TestUsers.disabled(TestUsers.alice()));
        assertEquals(401, assertOAuthError("invalid_token", () -> fixture.userinfo.claims("Bearer " + token, null)).status());
        fixture.users.remove(TestUsers.alice().id());
        assertOAuthError("invalid_token", () -> fixture.userinfo.claims("Bearer " + token, null));
    }

    @Test
    void claimsWhenNoTokenThenBareBearerChallenge() {
        OAuthException refused = assertThrowsMissing();
        assertEquals(401, refused.status());
        assertEquals("Bearer realm=\"latchkey\"", refused.challenge());
    }

    private OAuthException assertThrowsMissing() {
        return assertOAuthError("invalid_request", () -> fixture.userinfo.claims(null, null));
    }

    @Test
    void claimsWhenForgedTokenThenInvalidToken() {
        assertOAuthError("invalid_token", () -> fixture.userinfo.claims("Bearer abc.def.ghi", null));
    }
}

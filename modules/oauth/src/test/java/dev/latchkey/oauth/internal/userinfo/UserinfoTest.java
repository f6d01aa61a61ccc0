package dev.latchkey.oauth.internal.userinfo;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertOAuthError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.oauth.internal.claims.ClaimsRequest;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserinfoTest {

    private final OAuthFixture fixture = new OAuthFixture();

    private String token(String scope) {
        return token(scope, ClaimsRequest.NONE);
    }

    private String token(String scope, ClaimsRequest claims) {
        return fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(), Scope.parse(scope),
                fixture.clock.instant(), List.of("pwd"), null, null, claims), fixture.clock.instant()).value();
    }

    @Test
    void claimsWhenProfileAndEmailThenEveryClaimTheUserHas() {
        Map<String, Object> claims = fixture.userinfo.claims("Bearer " + token("openid profile email"), null);

        assertEquals(Map.of("sub", TestUsers.alice().id().toString(), "name", "Alice Liddell", "given_name", "Alice",
                "family_name", "Liddell", "preferred_username", "alice", "updated_at", TestUsers.UPDATED.getEpochSecond(),
                "email", "alice@example.test", "email_verified", true), claims);
        assertEquals("sub", claims.keySet().iterator().next());
    }

    @Test
    void claimsWhenEveryScopeAndUserHasDetailsThenOidcCoreFiveFourClaims() {
        fixture.users.with(TestUsers.aliceWithDetails());

        Map<String, Object> claims = fixture.userinfo.claims("Bearer " + token("openid profile email address phone"),
                null);

        assertEquals(List.of("sub", "name", "family_name", "given_name", "middle_name", "nickname", "preferred_username",
                "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at", "email",
                "email_verified", "address", "phone_number", "phone_number_verified"), List.copyOf(claims.keySet()));
        assertEquals(Map.of("street_address", "St Aldates", "locality", "Oxford", "postal_code", "OX1 1DP",
                "country", "United Kingdom"), claims.get("address"));
        assertEquals("+441865276150", claims.get("phone_number"));
        assertEquals(true, claims.get("phone_number_verified"));
    }

    @Test
    void claimsWhenAddressAndPhoneScopesOnlyThenOnlyTheirClaims() {
        fixture.users.with(TestUsers.aliceWithDetails());

        Map<String, Object> claims = fixture.userinfo.claims("Bearer " + token("openid address phone"), null);

        assertEquals(List.of("sub", "address", "phone_number", "phone_number_verified"), List.copyOf(claims.keySet()));
    }

    @Test
    void claimsWhenClaimsParameterAskedForUserinfoClaimsThenServedBeyondTheScope() {
        fixture.users.with(TestUsers.aliceWithDetails());
        ClaimsRequest asked = ClaimsRequest.parse(
                "{\"userinfo\":{\"birthdate\":null,\"email\":{\"essential\":true},\"unknown\":null},"
                        + "\"id_token\":{\"locale\":null}}");

        Map<String, Object> claims = fixture.userinfo.claims("Bearer " + token("openid", asked), null);

        assertEquals(Map.of("sub", TestUsers.alice().id().toString(), "birthdate", "1852-05-04",
                "email", "alice@example.test"), claims);
    }

    @Test
    void claimsWhenOpenIdOnlyThenSubOnly() {
        assertEquals(Map.of("sub", TestUsers.alice().id().toString()),
                fixture.userinfo.claims("Bearer " + token("openid"), null));
    }

    @Test
    void claimsWhenScopesButUserHasNoValuesThenClaimsLeftOut() {
        UserView alice = TestUsers.alice();
        fixture.users.with(new UserView(alice.id(), alice.username(), null, false, null, null, null, UserStatus.ACTIVE,
                Set.of(), alice.createdAt(), null));

        Map<String, Object> claims = fixture.userinfo.claims("Bearer " + token("openid profile email address phone"),
                null);

        assertEquals(Map.of("sub", alice.id().toString(), "preferred_username", "alice"), claims);
    }

    @Test
    void claimsWhenTokenInFormThenAccepted() {
        assertEquals(TestUsers.alice().id().toString(), fixture.userinfo.claims(null, token("openid")).get("sub"));
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

package dev.latchkey.oauth.internal.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.session.api.SessionEndReason;
import dev.latchkey.session.events.SessionEnded;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokenRevocationsTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final RefreshTokenRevocations revocations = new RefreshTokenRevocations(fixture.refreshTokenStore, fixture.clock);

    private RefreshToken issue(String clientId, String scope, String sessionId) {
        TokenGrant grant = new TokenGrant(fixture.clients.get(clientId), TestUsers.alice(), Scope.parse(scope),
                fixture.clock.instant(), List.of("pwd"), sessionId, null);
        String value = fixture.refreshTokens.issue(grant, fixture.clock.instant()).value();
        return fixture.refreshTokenStore.find(SecureTokens.hash(value)).orElseThrow();
    }

    private RefreshToken reread(RefreshToken token) {
        return fixture.refreshTokenStore.find(token.tokenHash()).orElseThrow();
    }

    @Test
    void onClientChangedWhenDeletedThenItsTokensRevoked() {
        RefreshToken web = issue("web-app", "openid", "s1");
        RefreshToken spa = issue("spa", "openid", "s1");
        revocations.onClientChanged(ClientChanged.now("web-app", ClientChanged.Change.DELETED));
        assertNotNull(reread(web).revokedAt());
        assertNull(reread(spa).revokedAt());
    }

    @Test
    void onClientChangedWhenUpdatedThenNothingRevoked() {
        RefreshToken web = issue("web-app", "openid", "s1");
        revocations.onClientChanged(ClientChanged.now("web-app", ClientChanged.Change.UPDATED));
        assertNull(reread(web).revokedAt());
    }

    @Test
    void onSessionEndedThenSessionTokensRevokedExceptOfflineAccess() {
        RefreshToken online = issue("web-app", "openid", "s1");
        RefreshToken offline = issue("web-app", "openid offline_access", "s1");
        RefreshToken otherSession = issue("web-app", "openid", "s2");
        revocations.onSessionEnded(SessionEnded.now("s1", TestUsers.alice().id(), SessionEndReason.LOGOUT, Set.of("web-app")));
        assertNotNull(reread(online).revokedAt());
        assertNull(reread(offline).revokedAt());
        assertNull(reread(otherSession).revokedAt());
    }

    @Test
    void onUserDisabledThenEveryTokenOfTheUserRevoked() {
        RefreshToken one = issue("web-app", "openid", "s1");
        RefreshToken two = issue("spa", "openid offline_access", null);
        revocations.onUserDisabled(UserDisabled.now(TestUsers.alice().id()));
        assertNotNull(reread(one).revokedAt());
        assertNotNull(reread(two).revokedAt());
    }

    @Test
    void onUserDeletedThenEveryTokenOfTheUserDeleted() {
        issue("web-app", "openid", "s1");
        revocations.onUserDeleted(UserDeleted.now(TestUsers.alice().id()));
        assertTrue(fixture.refreshTokenStore.all().isEmpty());
        assertEquals(0, fixture.refreshTokenStore.deleteUser(TestUsers.alice().id()));
    }
}

package dev.latchkey.oauth.internal.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.IssuedRefreshToken;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentServiceTest {

    private static final UUID ALICE = TestUsers.alice().id();
    private static final UUID BOB = UUID.fromString("0192f5e0-0000-7000-8000-0000000000b0");

    private final OAuthFixture fixture = new OAuthFixture();
    private final ConsentService consents = fixture.consents;
    private final ConsentCleanup cleanup = new ConsentCleanup(fixture.consentStore);

    @Test
    void grantThenFoundAndALaterGrantWidensIt() {
        Instant first = fixture.clock.instant();
        consents.grant(ALICE, "web-app", Scope.parse("openid profile"), first);
        fixture.clock.advance(Duration.ofDays(1));

        consents.grant(ALICE, "web-app", Scope.parse("profile email"), fixture.clock.instant());

        Consent consent = consents.find(ALICE, "web-app").orElseThrow();
        assertEquals(Scope.parse("openid profile email"), consent.scope());
        assertEquals(fixture.clock.instant(), consent.grantedAt());
        assertTrue(consent.covers(Scope.parse("email openid")));
        assertFalse(consent.covers(Scope.parse("openid offline_access")));
    }

    @Test
    void ofUserListsOnlyThatUsersConsents() {
        consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());
        consents.grant(ALICE, "spa", Scope.parse("openid"), fixture.clock.instant());
        consents.grant(BOB, "web-app", Scope.parse("openid"), fixture.clock.instant());

        assertEquals(List.of("spa", "web-app"), consents.ofUser(ALICE).stream().map(Consent::clientId).toList());
    }

    @Test
    void revokeDeletesTheConsentAndRevokesThatClientsRefreshTokensOfThatUserAndTheirAccessTokens() {
        consents.grant(ALICE, "web-app", Scope.parse("openid offline_access"), fixture.clock.instant());
        IssuedRefreshToken revoked = refreshToken("web-app");
        IssuedRefreshToken otherClient = refreshToken("spa");

        assertTrue(consents.revoke(ALICE, "web-app", fixture.clock.instant()));

        assertEquals(Optional.empty(), consents.find(ALICE, "web-app"));
        assertNotNull(stored(revoked).revokedAt());
        assertNull(stored(otherClient).revokedAt());
        // RFC 7009 §2.1: the access tokens of the revoked grant go on the deny-list
        assertTrue(fixture.revokedAccessTokens.isGrantRevoked(revoked.familyId().toString(), fixture.clock.instant().plusSeconds(60)));
        assertFalse(fixture.revokedAccessTokens.isGrantRevoked(otherClient.familyId().toString(), fixture.clock.instant().plusSeconds(60)));
    }

    @Test
    void revokeWhenNoConsentThenFalseAndTokensUntouched() {
        IssuedRefreshToken token = refreshToken("web-app");
        consents.grant(BOB, "web-app", Scope.parse("openid"), fixture.clock.instant());

        assertFalse(consents.revoke(ALICE, "web-app", fixture.clock.instant()));

        assertNull(stored(token).revokedAt());
        assertTrue(consents.find(BOB, "web-app").isPresent());
    }

    @Test
    void userDeletedThenItsConsentsDeleted() {
        consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());
        consents.grant(BOB, "web-app", Scope.parse("openid"), fixture.clock.instant());

        cleanup.onUserDeleted(UserDeleted.now(ALICE));

        assertEquals(List.of(), consents.ofUser(ALICE));
        assertEquals(1, consents.ofUser(BOB).size());
    }

    @Test
    void clientDeletedThenConsentsToItDeletedAndOtherChangesKeepThem() {
        consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());
        consents.grant(ALICE, "spa", Scope.parse("openid"), fixture.clock.instant());

        cleanup.onClientChanged(ClientChanged.now("web-app", ClientChanged.Change.UPDATED));
        assertEquals(2, consents.ofUser(ALICE).size());
        cleanup.onClientChanged(ClientChanged.now("web-app", ClientChanged.Change.DELETED));

        assertEquals(List.of("spa"), consents.ofUser(ALICE).stream().map(Consent::clientId).toList());
    }

    private IssuedRefreshToken refreshToken(String clientId) {
        return fixture.refreshTokens.issue(new TokenGrant(fixture.clients.get(clientId), TestUsers.alice(),
                Scope.parse("openid offline_access"), fixture.clock.instant(), List.of("pwd"), OAuthFixture.SESSION_ID,
                null), fixture.clock.instant());
    }

    private dev.latchkey.oauth.internal.token.RefreshToken stored(IssuedRefreshToken token) {
        return fixture.refreshTokenStore.find(SecureTokens.hash(token.value())).orElseThrow();
    }
}

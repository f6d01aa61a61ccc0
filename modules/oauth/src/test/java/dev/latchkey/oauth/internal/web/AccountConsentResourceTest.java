package dev.latchkey.oauth.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.IssuedRefreshToken;
import jakarta.ws.rs.NotAuthorizedException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccountConsentResourceTest {

    private static final UUID ALICE = TestUsers.alice().id();
    private static final UUID BOB = UUID.fromString("0192f5e0-0000-7000-8000-0000000000b0");

    private final OAuthFixture fixture = new OAuthFixture();

    @BeforeAll
    static void runtime() {
        TestRuntimeDelegate.install();
    }

    private AccountConsentResource as(String subject) {
        AccountConsentResource resource = new AccountConsentResource();
        resource.consents = fixture.consents;
        resource.clients = fixture.lookup;
        resource.clock = fixture.clock;
        resource.token = new Token(subject);
        return resource;
    }

    @Test
    void listReturnsOnlyTheCallersConsentsWithClientNames() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid profile"), fixture.clock.instant());
        fixture.consents.grant(ALICE, "gone-client", Scope.parse("openid"), fixture.clock.instant());
        fixture.consents.grant(BOB, "spa", Scope.parse("openid"), fixture.clock.instant());

        List<ConsentResponse> consents = as(ALICE.toString()).list();

        assertEquals(List.of(new ConsentResponse("gone-client", null, List.of("openid"), fixture.clock.instant()),
                new ConsentResponse("web-app", "Web app", List.of("openid", "profile"), fixture.clock.instant())),
                consents);
    }

    @Test
    void revokeThen204AndTheClientsRefreshTokensRevoked() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid offline_access"), fixture.clock.instant());
        IssuedRefreshToken token = fixture.refreshTokens.issue(new TokenGrant(fixture.clients.get("web-app"),
                TestUsers.alice(), Scope.parse("openid offline_access"), fixture.clock.instant(), List.of("pwd"),
                OAuthFixture.SESSION_ID, null), fixture.clock.instant());

        assertEquals(204, as(ALICE.toString()).revoke("web-app").getStatus());

        assertEquals(List.of(), as(ALICE.toString()).list());
        assertNotNull(fixture.refreshTokenStore.find(SecureTokens.hash(token.value())).orElseThrow().revokedAt());
    }

    @Test
    void revokeWhenNoSuchConsentThen404AndNothingChanges() {
        fixture.consents.grant(ALICE, "web-app", Scope.parse("openid"), fixture.clock.instant());

        assertEquals(404, assertThrows(ProblemException.class, () -> as(ALICE.toString()).revoke("spa")).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> as(ALICE.toString()).revoke("x".repeat(300))).status());
        assertEquals(1, as(ALICE.toString()).list().size());
    }

    @Test
    void revokeOfAnotherUsersConsentThen404AndTheirConsentStays() {
        fixture.consents.grant(BOB, "web-app", Scope.parse("openid"), fixture.clock.instant());

        assertEquals(404, assertThrows(ProblemException.class, () -> as(ALICE.toString()).revoke("web-app")).status());

        assertEquals(1, as(BOB.toString()).list().size());
    }

    @Test
    void whenTheTokenNamesNoUserThen401() {
        assertThrows(NotAuthorizedException.class, () -> as("service").list());
        assertThrows(NotAuthorizedException.class, () -> as(null).revoke("web-app"));
        assertTrue(fixture.consentStore.ofUser(ALICE).isEmpty());
    }

    /** A verified token as MicroProfile JWT hands it over, reduced to its subject. */
    private record Token(String subject) implements JsonWebToken {

        @Override
        public String getName() {
            return subject;
        }

        @Override
        public Set<String> getClaimNames() {
            return subject == null ? Set.of() : Set.of("sub");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) Map.of("sub", subject == null ? "" : subject).get(claimName);
        }

        @Override
        public String getSubject() {
            return subject;
        }
    }
}

package dev.latchkey.oauth.internal.introspection;

import static dev.latchkey.oauth.internal.fixtures.OAuthFixture.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.oauth.internal.fixtures.OAuthFixture;
import dev.latchkey.oauth.internal.fixtures.TestClients;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import dev.latchkey.oauth.internal.jwt.AccessTokenVerifier;
import dev.latchkey.oauth.internal.jwt.RevokedAccessTokens;
import dev.latchkey.oauth.internal.jwt.TokenGrant;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.token.RefreshTokenService;
import dev.latchkey.oauth.internal.token.RefreshTokens;
import dev.latchkey.oauth.internal.userinfo.Userinfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What introspection and userinfo of an access token read on the hot path (issue item 13): no
 * database at all — the refresh-token table fails every call here — and the revocation
 * deny-list (the ephemeral store, Redis in production) at most once per key per second.
 */
class IntrospectionStoreReadsTest {

    private final OAuthFixture fixture = new OAuthFixture();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(fixture.keys, fixture.server,
            new RevokedAccessTokens(countingReads(fixture.store), fixture.clock), fixture.clock);
    private final String token = fixture.accessTokens.mint(new TokenGrant(TestClients.webApp(), TestUsers.alice(),
            Scope.parse("openid profile"), fixture.clock.instant(), List.of("pwd"), null, null), UUID.randomUUID(),
            fixture.clock.instant()).value();

    private EphemeralStore countingReads(EphemeralStore store) {
        return (EphemeralStore) Proxy.newProxyInstance(EphemeralStore.class.getClassLoader(),
                new Class<?>[] {EphemeralStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get")) {
                        storeReads.incrementAndGet();
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static RefreshTokens unreachableDatabase() {
        return (RefreshTokens) Proxy.newProxyInstance(RefreshTokens.class.getClassLoader(),
                new Class<?>[] {RefreshTokens.class}, (proxy, method, args) -> {
                    throw new AssertionError("the database was asked: " + method.getName());
                });
    }

    @Test
    void introspectWhenAccessTokenThenNoDatabaseAndTheDenyListReadOncePerKeyPerSecond() {
        Introspection introspection = new Introspection(fixture.authenticator, verifier,
                new RefreshTokenService(unreachableDatabase(), fixture.settings, fixture.revokedAccessTokens),
                fixture.recentUsers, fixture.clock);
        String webApp = "Basic " + Base64.getEncoder().encodeToString(("web-app:" + TestClients.SECRET)
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1_000; i++) {
            assertTrue(introspection.introspect(form("token", token), webApp).active());
        }
        assertEquals(2, storeReads.get(), "one read of the jti and one of the grant for 1,000 introspections");
        fixture.clock.advance(Duration.ofSeconds(1));
        assertTrue(introspection.introspect(form("token", token), webApp).active());
        assertEquals(4, storeReads.get(), "a second later, both are read again once");
    }

    @Test
    void userinfoWhenAccessTokenThenTheDenyListReadOncePerKeyPerSecond() {
        Userinfo userinfo = new Userinfo(verifier, fixture.recentUsers);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(TestUsers.alice().id().toString(), userinfo.claims("Bearer " + token, null).get("sub"));
        }
        assertEquals(2, storeReads.get());
    }
}

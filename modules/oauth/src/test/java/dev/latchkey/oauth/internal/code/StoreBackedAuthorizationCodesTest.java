package dev.latchkey.oauth.internal.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.TestSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreBackedAuthorizationCodesTest {

    private static final Instant START = TestClock.START;
    private static final Duration TTL = Duration.ofSeconds(60);

    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final TestSessions sessions = new TestSessions();
    private final StoreBackedAuthorizationCodes codes = new StoreBackedAuthorizationCodes(store, sessions, TTL, clock);
    private ExecutorService threads;

    @AfterEach
    void stopThreads() throws InterruptedException {
        if (threads != null) {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void redeemWhenIssuedThenReturnsEveryBinding() {
        AuthorizationCode grant = fullGrant();

        String code = codes.issue(grant);

        assertEquals(Optional.of(grant), codes.redeem(code));
    }

    @Test
    void issueWhenTheGrantHasASessionThenTheClientIsBoundToIt() {
        UUID user = UUID.randomUUID();
        sessions.add("cookie", TestSessions.session("sid-1", user, START));

        codes.issue(new AuthorizationCode("web-app", null, user, "sid-1", "openid", null, null, null, START, List.of(),
                START, List.of(), null));

        assertEquals(Set.of("web-app"), sessions.find("sid-1").orElseThrow().clientIds());
    }

    @Test
    void redeemWhenOptionalBindingsAbsentThenReturnsThemAsNull() {
        AuthorizationCode grant = new AuthorizationCode("web-app", null, UUID.randomUUID(), "sid-1", "openid",
                null, null, null, START, List.of(), START, List.of(), null);

        assertEquals(Optional.of(grant), codes.redeem(codes.issue(grant)));
    }

    @Test
    void issueWhenCalledThenCodeIs256BitBase64UrlAndEachCodeDiffers() {
        String first = codes.issue(fullGrant());
        String second = codes.issue(fullGrant());

        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
        assertNotEquals(first, second);
    }

    @Test
    void issueWhenCalledThenStoresOnlyTheHashOfTheCode() {
        String code = codes.issue(fullGrant());

        String key = "code:" + SecureTokens.hash(code);
        assertEquals(Set.of(key), store.keys());
        assertEquals(Optional.of(TTL), store.ttl(key));
        assertFalse(store.get(key).orElseThrow().contains(code));
    }

    @Test
    void redeemWhenRedeemedBeforeThenEmpty() {
        String code = codes.issue(fullGrant());
        codes.redeem(code);

        assertEquals(Optional.empty(), codes.redeem(code));
    }

    @Test
    void redeemWhenJustBeforeExpiryThenReturnsGrant() {
        String code = codes.issue(fullGrant());
        clock.advance(TTL.minusMillis(1));

        assertTrue(codes.redeem(code).isPresent());
    }

    @Test
    void redeemWhenExpiredThenEmptyAndNotMarkedRedeemed() {
        String code = codes.issue(fullGrant());
        clock.advance(TTL);

        assertEquals(Optional.empty(), codes.redeem(code));
        assertFalse(codes.wasRedeemed(code));
    }

    @Test
    void redeemWhenConfiguredTtlLongerThenCodeLivesLonger() {
        StoreBackedAuthorizationCodes longLived = new StoreBackedAuthorizationCodes(store, sessions, Duration.ofMinutes(5), clock);
        String code = longLived.issue(fullGrant());
        clock.advance(Duration.ofMinutes(4));

        assertTrue(longLived.redeem(code).isPresent());
    }

    @Test
    void redeemWhenCodeUnknownOrNullOrEmptyThenEmpty() {
        assertEquals(Optional.empty(), codes.redeem(SecureTokens.newToken()));
        assertEquals(Optional.empty(), codes.redeem(null));
        assertEquals(Optional.empty(), codes.redeem(""));
    }

    @Test
    void redeemWhenManyThreadsRaceThenExactlyOneWins() throws Exception {
        int racers = 16;
        threads = Executors.newFixedThreadPool(racers);
        for (int round = 0; round < 50; round++) {
            String code = codes.issue(fullGrant());
            CountDownLatch ready = new CountDownLatch(racers);
            CountDownLatch go = new CountDownLatch(1);
            Callable<Boolean> redeem = () -> {
                ready.countDown();
                go.await();
                return codes.redeem(code).isPresent();
            };
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(threads.submit(redeem));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners, "round " + round);
        }
    }

    @Test
    void wasRedeemedWhenNotYetRedeemedThenFalse() {
        String code = codes.issue(fullGrant());

        assertFalse(codes.wasRedeemed(code));
    }

    @Test
    void wasRedeemedWhenRedeemedThenTrueForRemainingLifetimePlusGrace() {
        String code = codes.issue(fullGrant());
        clock.advance(Duration.ofSeconds(10));
        codes.redeem(code);

        // 50 s of the code's life were left, plus the grace
        clock.advance(Duration.ofSeconds(50).plus(StoreBackedAuthorizationCodes.REPLAY_GUARD_GRACE).minusMillis(1));
        assertTrue(codes.wasRedeemed(code));
        clock.advance(Duration.ofMillis(1));
        assertFalse(codes.wasRedeemed(code));
    }

    @Test
    void wasRedeemedWhenRedeemedAfterIssueTimeWasLongAgoThenGraceStillApplies() {
        // a grant issued by a node whose clock runs behind: no remaining lifetime, only the grace
        AuthorizationCode old = new AuthorizationCode("web-app", null, UUID.randomUUID(), "sid-1", "openid",
                null, null, null, START, List.of(), START.minus(Duration.ofMinutes(5)), List.of(), null);
        String code = codes.issue(old);
        codes.redeem(code);

        clock.advance(StoreBackedAuthorizationCodes.REPLAY_GUARD_GRACE.minusMillis(1));
        assertTrue(codes.wasRedeemed(code));
        clock.advance(Duration.ofMillis(1));
        assertFalse(codes.wasRedeemed(code));
    }

    @Test
    void wasRedeemedWhenCodeUnknownOrNullOrEmptyThenFalse() {
        assertFalse(codes.wasRedeemed(SecureTokens.newToken()));
        assertFalse(codes.wasRedeemed(null));
        assertFalse(codes.wasRedeemed(""));
    }

    @Test
    void constructorWhenTtlNotPositiveThenRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new StoreBackedAuthorizationCodes(store, sessions, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class,
                () -> new StoreBackedAuthorizationCodes(store, sessions, Duration.ofSeconds(-1), clock));
    }

    private static AuthorizationCode fullGrant() {
        return new AuthorizationCode("web-app", "https://app.example/callback?tenant=a", UUID.randomUUID(),
                "sid-1", "openid profile", "n-0S6_WzA2Mj", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "S256",
                START.minusSeconds(30), List.of("pwd", "otp"), START, List.of("https://orders.example/api"),
                "{\"id_token\":{\"email\":{}}}");
    }
}

package dev.latchkey.identity.internal.login;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.internal.fixtures.TestSettings;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);

    @Test
    void isLockedWhenFailuresReachMaximumThenLockedCaseInsensitivelyUntilLockoutPassed() {
        LoginThrottle throttle = new LoginThrottle(store, TestSettings.throttle(2, 15));

        throttle.recordFailure("Alice");
        assertFalse(throttle.isLocked("alice"));
        throttle.recordFailure("alice");

        assertTrue(throttle.isLocked("ALICE"));
        assertFalse(throttle.isLocked("bob"));
        assertTrue(store.keys().stream().noneMatch(key -> key.contains("alice")), "usernames are hashed");
        clock.advance(Duration.ofMinutes(15));
        assertFalse(throttle.isLocked("alice"));
    }

    @Test
    void resetWhenCalledThenFailuresForgotten() {
        LoginThrottle throttle = new LoginThrottle(store, TestSettings.throttle(1, 15));
        throttle.recordFailure("alice");

        throttle.reset("alice");

        assertFalse(throttle.isLocked("alice"));
    }

    @Test
    void isLockedWhenMaximumIsZeroThenNeverAndNothingStored() {
        LoginThrottle throttle = new LoginThrottle(store, TestSettings.throttle(0, 15));

        throttle.recordFailure("alice");

        assertFalse(throttle.isLocked("alice"));
        assertTrue(store.keys().isEmpty());
    }

    @Test
    void isLockedWhenUsernameNullOrCounterCorruptThenNotLocked() {
        LoginThrottle throttle = new LoginThrottle(store, TestSettings.throttle(1, 15));
        throttle.recordFailure(null);
        throttle.reset(null);
        store.put("login-failures:" + SecureTokens.hash("alice"), "many", Duration.ofMinutes(1));

        assertFalse(throttle.isLocked(null));
        assertFalse(throttle.isLocked("alice"));
    }
}

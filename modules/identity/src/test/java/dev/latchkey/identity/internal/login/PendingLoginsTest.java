package dev.latchkey.identity.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {

    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final PendingLogins pending = new PendingLogins(store);
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final PendingLogin login = new PendingLogin(UUID.randomUUID(), "Alice", List.of("totp", "webauthn"),
            List.of("pwd"), "203.0.113.7", "agent", "web-app", 2, now.plus(PendingLogins.TIME_TO_LIVE));

    @Test
    void takeWhenStartedThenSameLoginOnceAsJsonUnderHashedKey() {
        String flowId = pending.start(login);

        String key = "login-flow:" + SecureTokens.hash(flowId);
        assertEquals(java.util.Set.of(key), store.keys());
        String json = store.get(key).orElseThrow();
        assertTrue(json.contains("\"remainingSteps\":[\"totp\",\"webauthn\"]"), json);
        assertFalse(json.contains(flowId));
        assertEquals(Optional.of(login), pending.take(flowId, now));
        assertEquals(Optional.empty(), pending.take(flowId, now));
    }

    @Test
    void keepWhenTimeLeftThenStoredUntilOriginalExpiry() {
        String flowId = pending.start(login);
        pending.take(flowId, now);

        pending.keep(flowId, login.withFailedAttempt(), now.plus(Duration.ofMinutes(9)));

        assertEquals(3, pending.take(flowId, now).orElseThrow().failedAttempts());
    }

    @Test
    void keepWhenExpiredThenNotStored() {
        String flowId = pending.start(login);
        pending.take(flowId, now);

        pending.keep(flowId, login, login.expiresAt());

        assertTrue(store.keys().isEmpty());
    }

    @Test
    void takeWhenPastExpiryThenEmpty() {
        String flowId = pending.start(login);

        assertEquals(Optional.empty(), pending.take(flowId, login.expiresAt()));
    }

    @Test
    void takeWhenEntryUnreadableOrFlowIdMissingThenEmpty() {
        store.put("login-flow:" + SecureTokens.hash("tampered"), "{not json", Duration.ofMinutes(1));

        assertEquals(Optional.empty(), pending.take("tampered", now));
        assertEquals(Optional.empty(), pending.take("", now));
        assertEquals(Optional.empty(), pending.take(null, now));
    }

    @Test
    void passedWhenStepPassedThenMethodAddedOnceAndAttemptsReset() {
        PendingLogin passed = login.passed("otp").passed("otp");

        assertEquals(List.of("pwd", "otp"), passed.methods());
        assertTrue(passed.allStepsPassed());
        assertEquals(0, passed.failedAttempts());
    }
}

package dev.latchkey.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private static SessionSettings settings(Duration idle, int maxPerUser, String policy) {
        return new SessionSettings(idle, Duration.ofHours(10), maxPerUser, policy, Duration.ofDays(365),
                new StoreBackedSsoSessionsTest.FixedServer("https://id.example.com"));
    }

    @Test
    void limitPolicyIsReadWithoutRegardToCaseOrSpaces() {
        assertEquals(LimitPolicy.REFUSE, settings(Duration.ofMinutes(30), 3, " Refuse ").limitPolicy());
        assertEquals(LimitPolicy.END_OLDEST, settings(Duration.ofMinutes(30), 0, "end-oldest").limitPolicy());
        assertEquals(3, settings(Duration.ofMinutes(30), 3, "refuse").maxPerUser());
    }

    @Test
    void anUnknownPolicyANegativeLimitOrANonPositiveDurationStopsTheStartWithTheKeyNamed() {
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> settings(Duration.ofMinutes(30), 3, "kick"));
        assertTrue(policy.getMessage().contains("latchkey.session.limit-policy") && policy.getMessage().contains("end-oldest, refuse"),
                policy.getMessage());
        IllegalArgumentException limit = assertThrows(IllegalArgumentException.class,
                () -> settings(Duration.ofMinutes(30), -1, "refuse"));
        assertTrue(limit.getMessage().contains("latchkey.session.max-per-user"), limit.getMessage());
        assertThrows(IllegalArgumentException.class, () -> settings(Duration.ZERO, 0, "refuse"));
    }
}

package dev.latchkey.oauth.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OAuthSettingsKeyRotationTest {

    private static Optional<Duration> interval(Optional<Duration> configured) {
        return new OAuthSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofMinutes(1), Optional.empty(), true, configured).keyRotationInterval();
    }

    @Test
    void keyRotationIntervalWhenPositiveThenKeptWhenZeroNegativeOrUnsetThenOff() {
        assertEquals(Optional.of(Duration.ofDays(90)), interval(Optional.of(Duration.parse("P90D"))));
        assertEquals(Optional.empty(), interval(Optional.of(Duration.parse("P0D"))));
        assertEquals(Optional.empty(), interval(Optional.of(Duration.ofDays(-1))));
        assertEquals(Optional.empty(), interval(Optional.empty()));
        assertEquals(Optional.empty(), OAuthSettings.defaults().keyRotationInterval());
    }
}

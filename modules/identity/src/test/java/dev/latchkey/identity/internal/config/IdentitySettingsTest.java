package dev.latchkey.identity.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IdentitySettingsTest {

    @Test
    void defaultsWhenReadFromPropertiesThenOwaspArgon2idAndNistMinimum() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }

        assertEquals("19456", defaults.getProperty("latchkey.identity.argon2.memory-kib"));
        assertEquals("2", defaults.getProperty("latchkey.identity.argon2.iterations"));
        assertEquals("1", defaults.getProperty("latchkey.identity.argon2.parallelism"));
        assertEquals("8", defaults.getProperty("latchkey.identity.password.min-length"));
        assertEquals("10", defaults.getProperty("latchkey.identity.login.max-failures"));
        assertEquals("15", defaults.getProperty("latchkey.identity.login.lockout-minutes"));
        assertEquals("admin", defaults.getProperty("latchkey.bootstrap.admin.username"));
    }

    @Test
    void constructorWhenValuesValidThenKeptAndBlankPasswordIsAbsent() {
        IdentitySettings settings = new IdentitySettings(19456, 2, 1, 12, 10, 15, " admin ", Optional.of(""));

        assertEquals(19456, settings.argon2MemoryKib());
        assertEquals(2, settings.argon2Iterations());
        assertEquals(1, settings.argon2Parallelism());
        assertEquals(12, settings.passwordMinLength());
        assertEquals(10, settings.loginMaxFailures());
        assertEquals(Duration.ofMinutes(15), settings.loginLockout());
        assertEquals("admin", settings.bootstrapAdminUsername());
        assertEquals(Optional.empty(), settings.bootstrapAdminPassword());
    }

    @Test
    void constructorWhenValueOutOfRangeThenStartupFailsNamingTheKey() {
        assertEquals("latchkey.identity.argon2.iterations must be at least 1, was 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new IdentitySettings(19456, 0, 1, 8, 10, 15, "admin", Optional.empty())).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(4, 2, 1, 8, 10, 15, "admin", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(19456, 2, 0, 8, 10, 15, "admin", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(19456, 2, 1, 0, 10, 15, "admin", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(19456, 2, 1, 257, 10, 15, "admin", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(19456, 2, 1, 8, -1, 15, "admin", Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new IdentitySettings(19456, 2, 1, 8, 10, 0, "admin", Optional.empty()));
    }
}

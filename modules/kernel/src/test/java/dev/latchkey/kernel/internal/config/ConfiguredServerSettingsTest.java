package dev.latchkey.kernel.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfiguredServerSettingsTest {

    @Test
    void publicUrlLosesItsTrailingSlashAndBecomesTheIssuer() {
        ConfiguredServerSettings settings = new ConfiguredServerSettings(" https://id.example.com/ ", "/var/lib/latchkey");
        assertEquals("https://id.example.com", settings.issuer());
        assertTrue(settings.isHttps());
        assertEquals(Path.of("/var/lib/latchkey"), settings.dataDirectory());
    }

    @Test
    void plainHttpIsNotHttps() {
        assertFalse(new ConfiguredServerSettings("http://localhost:9080", "data").isHttps());
    }
}

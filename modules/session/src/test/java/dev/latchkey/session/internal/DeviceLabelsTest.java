package dev.latchkey.session.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeviceLabelsTest {

    @Test
    void ofWhenCommonDesktopBrowsersThenBrowserOnSystem() {
        assertEquals("Chrome on Linux", DeviceLabels.of("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge on Windows", DeviceLabels.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"));
        assertEquals("Firefox on macOS", DeviceLabels.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) "
                + "Gecko/20100101 Firefox/133.0"));
    }

    @Test
    void ofWhenMobileBrowsersThenTheNamesPeopleKnow() {
        assertEquals("Safari on iOS", DeviceLabels.of("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Chrome on Android", DeviceLabels.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) "
                + "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
    }

    @Test
    void ofWhenOnlyTheBrowserIsKnownThenTheBrowserAlone() {
        assertEquals("curl", DeviceLabels.of("curl/8.5.0"));
    }

    @Test
    void ofWhenNothingKnownEmptyOrMissingThenUnknownDevice() {
        assertEquals(DeviceLabels.UNKNOWN, DeviceLabels.of("Java-http-client/25"));
        assertEquals(DeviceLabels.UNKNOWN, DeviceLabels.of(""));
        assertEquals(DeviceLabels.UNKNOWN, DeviceLabels.of(null));
        assertEquals(DeviceLabels.UNKNOWN, DeviceLabels.of("<script>alert(1)</script>".repeat(20)));
    }
}

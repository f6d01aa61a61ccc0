package dev.latchkey.oauth.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataDocumentFetcherTest {

    private final MetadataDocumentFetcher fetcher = new MetadataDocumentFetcher();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
            "100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "fc00::1", "fd12:3456::1", "fe80::1", "::",
            "::ffff:10.0.0.1"})
    void isAllowedWhenNotAPublicAddressThenFalse(String address) throws Exception {
        assertFalse(MetadataDocumentFetcher.isAllowed(InetAddress.getByName(address), false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "100.128.0.1", "2606:2800:220:1::1"})
    void isAllowedWhenAPublicAddressThenTrue(String address) throws Exception {
        assertTrue(MetadataDocumentFetcher.isAllowed(InetAddress.getByName(address), false));
    }

    @Test
    void isAllowedWhenLoopbackInTheDevModeThenTrueButOtherPrivateAddressesStayRefused() throws Exception {
        assertTrue(MetadataDocumentFetcher.isAllowed(InetAddress.getByName("127.0.0.1"), true));
        assertTrue(MetadataDocumentFetcher.isAllowed(InetAddress.getByName("::1"), true));
        assertFalse(MetadataDocumentFetcher.isAllowed(InetAddress.getByName("10.0.0.1"), true));
    }

    @Test
    void maxAgeThenCacheControlWithinBounds() {
        assertEquals(MetadataDocumentFetcher.DEFAULT_TTL, MetadataDocumentFetcher.maxAge(null));
        assertEquals(MetadataDocumentFetcher.DEFAULT_TTL, MetadataDocumentFetcher.maxAge("public"));
        assertEquals(Duration.ofHours(1), MetadataDocumentFetcher.maxAge("public, max-age=3600"));
        assertEquals(Duration.ofHours(1), MetadataDocumentFetcher.maxAge("Max-Age=\"3600\""));
        assertEquals(MetadataDocumentFetcher.MIN_TTL, MetadataDocumentFetcher.maxAge("max-age=5"));
        assertEquals(MetadataDocumentFetcher.MAX_TTL, MetadataDocumentFetcher.maxAge("max-age=9999999999"));
        assertEquals(MetadataDocumentFetcher.MIN_TTL, MetadataDocumentFetcher.maxAge("no-store"));
        assertEquals(MetadataDocumentFetcher.MIN_TTL, MetadataDocumentFetcher.maxAge("max-age=600, no-cache"));
        assertEquals(MetadataDocumentFetcher.DEFAULT_TTL, MetadataDocumentFetcher.maxAge("s-maxage=600"));
    }

    @Test
    void fetchWhenTheHostIsLoopbackOutsideTheDevModeThenEmptyWithoutConnecting() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/client.json");
            assertEquals(Optional.empty(), fetcher.fetch(url, false));
        }
    }

    @Test
    void fetchWhenTheHostIsUnknownOrNothingListensThenEmpty() throws Exception {
        assertEquals(Optional.empty(), fetcher.fetch(URI.create("https://client.invalid/client.json"), false));
        int closedPort;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = listener.getLocalPort();
        }
        assertEquals(Optional.empty(), fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + "/c"), true));
    }
}

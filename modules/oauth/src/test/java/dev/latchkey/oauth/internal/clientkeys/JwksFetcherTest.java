package dev.latchkey.oauth.internal.clientkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.oauth.internal.client.MetadataDocumentFetcher;
import dev.latchkey.oauth.internal.fixtures.TestClientKeys;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JwksFetcherTest {

    private final KeyServer server = new KeyServer();
    private final JwksFetcher loopbackAllowed = new JwksFetcher(true);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchWhenDocumentServedThenItsPublicKeys() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC, TestClientKeys.RSA));
        JWKSet keys = loopbackAllowed.fetch(URI.create(server.uri())).orElseThrow();
        assertEquals(2, keys.size());
        assertEquals("ec-1", keys.getKeys().get(0).getKeyID());
    }

    @Test
    void fetchWhenDocumentHoldsPrivateKeysThenOnlyTheirPublicHalves() {
        server.serve(new JWKSet(TestClientKeys.EC).toString(false));
        assertFalse(loopbackAllowed.fetch(URI.create(server.uri())).orElseThrow().getKeys().get(0).isPrivate());
    }

    @Test
    void fetchWhenServersPolicyIsHttpsOnlyThenLoopbackHttpNotFetched() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        assertTrue(new JwksFetcher().fetch(URI.create(server.uri())).isEmpty());
        assertEquals(0, server.requests());
    }

    @Test
    void fetchWhenHttpToAHostNotLoopbackThenNotFetchedEvenByTheTestPolicy() {
        assertTrue(loopbackAllowed.fetch(URI.create("http://192.0.2.1/jwks")).isEmpty());
    }

    @Test
    void fetchWhenHttpsToAPrivateOrLoopbackAddressThenNotFetched() {
        JwksFetcher server = new JwksFetcher();
        for (String uri : List.of("https://10.0.0.1/jwks", "https://192.168.1.1/jwks", "https://169.254.169.254/jwks",
                "https://127.0.0.1/jwks", "https://[::1]/jwks", "https://[fd00::1]/jwks")) {
            assertTrue(server.fetch(URI.create(uri)).isEmpty(), uri);
        }
    }

    @Test
    void publicHostWhenEveryAddressIsPublicThenTrueLoopbackOnlyInTheTestPolicy() {
        assertTrue(MetadataDocumentFetcher.isPublicHost("93.184.216.34", false));
        assertFalse(MetadataDocumentFetcher.isPublicHost("10.0.0.1", false));
        assertFalse(MetadataDocumentFetcher.isPublicHost("169.254.169.254", true));
        assertFalse(MetadataDocumentFetcher.isPublicHost("127.0.0.1", false));
        assertTrue(MetadataDocumentFetcher.isPublicHost("127.0.0.1", true));
        assertFalse(MetadataDocumentFetcher.isPublicHost("no-such-host.invalid", false));
    }

    @Test
    void fetchWhenDocumentLargerThanTheLimitThenEmpty() {
        server.serve("{\"keys\":[],\"padding\":\"" + "x".repeat(JwksFetcher.MAX_BYTES) + "\"}");
        assertTrue(loopbackAllowed.fetch(URI.create(server.uri())).isEmpty());
    }

    @Test
    void fetchWhenStatusNotOkThenEmpty() {
        server.serve(TestClientKeys.publicJwks(TestClientKeys.EC));
        server.answer(404);
        assertTrue(loopbackAllowed.fetch(URI.create(server.uri())).isEmpty());
    }

    @Test
    void fetchWhenNotAJwkSetThenEmpty() {
        server.serve("<html>keys</html>");
        assertTrue(loopbackAllowed.fetch(URI.create(server.uri())).isEmpty());
    }
}

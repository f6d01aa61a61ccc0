package dev.latchkey.oauth.internal.web;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.kernel.testing.TestRuntimeDelegate;
import dev.latchkey.oauth.internal.fixtures.InMemorySigningKeyStore;
import dev.latchkey.oauth.internal.fixtures.TestCipher;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyAdminResourceTest {

    private static final SigningKeys KEYS = new SigningKeys(new InMemorySigningKeyStore(), new TestCipher(),
            new TestClock(), Duration.ofMinutes(5));
    private final KeyAdminResource resource = new KeyAdminResource(KEYS);

    @BeforeAll
    static void load() {
        TestRuntimeDelegate.install();
        KEYS.load();
    }

    private static List<KeyResponse> keys(Response response) {
        assertEquals(200, response.getStatus());
        assertEquals("no-store", response.getHeaderString("Cache-Control"));
        return ((KeyListResponse) response.getEntity()).keys();
    }

    @Test
    void listThenNextAndActiveKeysWithoutKeyMaterial() {
        List<KeyResponse> listed = keys(resource.list());
        assertEquals(List.of("ES256/active", "ES256/next", "EdDSA/active", "EdDSA/next", "PS256/active",
                        "PS256/next", "RS256/active", "RS256/next"),
                listed.stream().map(key -> key.alg() + "/" + key.status()).sorted().toList());
        assertFalse(listed.toString().contains("\"d\""));
    }

    @Test
    void rotateWithAlgThenOnlyThatAlgorithmRotates() {
        String es = KEYS.active(JWSAlgorithm.ES256).kid();
        String rs = KEYS.active(JWSAlgorithm.RS256).kid();
        List<KeyResponse> after = keys(resource.rotate("RS256"));
        assertEquals(es, KEYS.active(JWSAlgorithm.ES256).kid());
        assertFalse(rs.equals(KEYS.active(JWSAlgorithm.RS256).kid()));
        assertEquals("retired", after.stream().filter(key -> key.kid().equals(rs)).findFirst().orElseThrow().status());
    }

    @Test
    void algorithmsWhenAbsentThenAllFourWhenUnknownThen400Problem() {
        assertEquals(SigningKeys.ALGORITHMS, KeyAdminResource.algorithms(null));
        assertEquals(List.of(JWSAlgorithm.ES256), KeyAdminResource.algorithms("ES256"));
        assertEquals(List.of(JWSAlgorithm.PS256), KeyAdminResource.algorithms("PS256"));
        assertEquals(List.of(JWSAlgorithm.EdDSA), KeyAdminResource.algorithms("EdDSA"));
        assertProblem(400, () -> KeyAdminResource.algorithms("HS256"));
        assertProblem(400, () -> KeyAdminResource.algorithms("es256"));
    }
}

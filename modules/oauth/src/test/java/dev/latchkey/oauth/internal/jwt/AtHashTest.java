package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AtHashTest {

    private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.payload.signature";

    @Test
    void ofMatchesTheOidcCoreExample() {
        // OIDC Core Appendix A.3: access_token jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y, at_hash 77QmUPtjPfzWtF2AnpK9RQ
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", AtHash.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", JWSAlgorithm.RS256));
    }

    @Test
    void ofWhen256BitAlgorithmThenTheLeftHalfOfSha256Base64Url() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(StandardCharsets.US_ASCII));
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        for (JWSAlgorithm algorithm : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.PS256}) {
            assertEquals(expected, AtHash.of(TOKEN, algorithm), algorithm.getName());
        }
        assertEquals(22, AtHash.of(TOKEN, JWSAlgorithm.RS256).length());
    }

    @Test
    void ofWhenEdDsaThenTheLeftHalfOfSha512AsRelyingPartiesCheckIt() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(TOKEN.getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 32)),
                AtHash.of(TOKEN, JWSAlgorithm.EdDSA));
    }

    @Test
    void ofWhenAnAlgorithmLatchkeyDoesNotSignWithThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> AtHash.of(TOKEN, JWSAlgorithm.HS256));
    }
}

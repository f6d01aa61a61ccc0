package dev.latchkey.oauth.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AtHashTest {

    @Test
    void ofMatchesTheOidcCoreExample() {
        // OIDC Core Appendix A.3: access_token jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y, at_hash 77QmUPtjPfzWtF2AnpK9RQ
        assertEquals("77QmUPtjPfzWtF2AnpK9RQ", AtHash.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"));
    }

    @Test
    void ofIsTheLeftHalfOfSha256Base64Url() throws Exception {
        String token = "eyJhbGciOiJFUzI1NiJ9.payload.signature";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)), AtHash.of(token));
        assertEquals(22, AtHash.of(token).length());
    }
}

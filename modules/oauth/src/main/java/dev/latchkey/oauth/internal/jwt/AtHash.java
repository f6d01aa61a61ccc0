package dev.latchkey.oauth.internal.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ID token's {@code at_hash}: base64url of the left-most half of the hash of the ASCII
 * access token, with the hash of the ID token's {@code alg}: SHA-256 for RS256, ES256 and PS256;
 * SHA-512 for EdDSA, whose Ed25519 signature hashes with SHA-512 (OIDC Core errata set 2, as
 * relying-party libraries such as Nimbus compute it).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken">OIDC Core §3.1.3.6</a>
 */
public final class AtHash {

    private AtHash() {
    }

    /** {@code at_hash} of an access token for an ID token signed with {@code algorithm}. */
    public static String of(String accessToken, JWSAlgorithm algorithm) {
        byte[] digest = digest(algorithm).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }

    private static MessageDigest digest(JWSAlgorithm algorithm) {
        String name;
        if (algorithm.equals(JWSAlgorithm.EdDSA)) {
            name = "SHA-512";
        } else if (algorithm.equals(JWSAlgorithm.RS256) || algorithm.equals(JWSAlgorithm.ES256)
                || algorithm.equals(JWSAlgorithm.PS256)) {
            name = "SHA-256";
        } else {
            throw new IllegalArgumentException("No at_hash for ID tokens signed with " + algorithm);
        }
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from the JDK", e);
        }
    }
}

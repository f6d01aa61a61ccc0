package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.kernel.api.SecureTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The ID token's {@code at_hash}: base64url of the left-most half of the hash of the ASCII
 * access token, with the hash of the ID token's {@code alg} (SHA-256 for RS256).
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#CodeIDToken">OIDC Core §3.1.3.6</a>
 */
public final class AtHash {

    private AtHash() {
    }

    /** {@code at_hash} of an access token for an RS256/ES256 ID token. */
    public static String of(String accessToken) {
        byte[] digest = SecureTokens.sha256(accessToken.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }
}

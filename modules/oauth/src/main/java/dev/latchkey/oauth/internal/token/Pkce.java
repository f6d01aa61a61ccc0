package dev.latchkey.oauth.internal.token;

import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The token-endpoint half of PKCE: the {@code code_verifier} must hash to the code's
 * {@code code_challenge} with S256 ({@code plain} is never accepted).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636#section-4.6">RFC 7636 §4.6</a>
 */
public final class Pkce {

    public static final String S256 = "S256";

    /** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    /** A malformed {@code code_verifier} is {@code invalid_request}, checked before the code is spent. */
    public static void checkSyntax(String verifier) {
        if (verifier != null && !VERIFIER.matcher(verifier).matches()) {
            throw OAuthException.invalidRequest("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
    }

    /**
     * Checks the verifier against the code's challenge. A public client's code must have a
     * challenge; a verifier without a challenge is refused too, so a code from a request without
     * PKCE cannot pass as one with it (RFC 9700 §2.1.1).
     */
    public static void verify(String challenge, String method, String verifier, boolean publicClient) {
        if (challenge == null) {
            if (publicClient) {
                throw OAuthException.invalidGrant("PKCE is required of public clients");
            }
            if (verifier != null) {
                throw OAuthException.invalidGrant("code_verifier was sent but the authorization request had no code_challenge");
            }
            return;
        }
        if (verifier == null) {
            throw OAuthException.invalidGrant("code_verifier is missing");
        }
        if (!S256.equals(method)) {
            throw OAuthException.invalidGrant("Only the S256 code_challenge_method is supported");
        }
        if (!SecureTokens.constantTimeEquals(challengeOf(verifier), challenge)) {
            throw OAuthException.invalidGrant("PKCE verification failed");
        }
    }

    /** RFC 7636 §4.2: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). */
    public static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(SecureTokens.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}

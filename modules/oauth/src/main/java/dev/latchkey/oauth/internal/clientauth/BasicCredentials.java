package dev.latchkey.oauth.internal.clientauth;

import dev.latchkey.oauth.internal.protocol.AuthorizationHeader;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The client id and secret of an {@code Authorization: Basic} header. RFC 6749 §2.3.1: both are
 * form-urlencoded before they are joined with a colon and base64-encoded, so a secret may hold
 * a colon.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1">RFC 6749 §2.3.1</a>
 */
public record BasicCredentials(String clientId, String secret) {

    /**
     * The credentials of a Basic header; empty when there is no header or it is another scheme.
     * A malformed Basic header is {@code invalid_client} with a Basic challenge.
     */
    public static Optional<BasicCredentials> parse(String authorization) {
        Optional<String> credentials = AuthorizationHeader.credentials(authorization, "Basic");
        if (credentials.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(credentials.get()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw malformed();
            }
            String clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            if (clientId.isEmpty() || secret.isEmpty()) {
                throw malformed();
            }
            return Optional.of(new BasicCredentials(clientId, secret));
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static OAuthException malformed() {
        return OAuthException.invalidClient("The Authorization header is not valid Basic client credentials", true);
    }

    @Override
    public String toString() {
        return "BasicCredentials[clientId=" + clientId + ", secret=***]";
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.INVALID_REQUEST;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CODE_CHALLENGE_METHOD;
import static dev.latchkey.oauth.internal.token.Pkce.S256;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PKCE: a public client must send a {@code code_challenge}; a confidential client may. A
 * challenge must use {@code S256} (an absent method means {@code plain}, which is refused) and
 * look like its output: 43 base64url characters.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636#section-4.3">RFC 7636 §4.3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7636#section-4.4.1">RFC 7636 §4.4.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 */
final class PkceValidator implements AuthorizationRequestValidator {

    /** RFC 7636 §4.3: the default when {@code code_challenge_method} is absent. */
    static final String PLAIN = "plain";
    /** RFC 7636 §4.2: BASE64URL(SHA256(code_verifier)), 32 bytes without padding. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    @Override
    public void validate(AuthorizationContext context) {
        Optional<String> challenge = context.parameters().single(CODE_CHALLENGE);
        Optional<String> method = context.parameters().single(CODE_CHALLENGE_METHOD);
        if (challenge.isEmpty()) {
            if (method.isPresent()) {
                throw new AuthorizationException(INVALID_REQUEST, "code_challenge_method without code_challenge");
            }
            // RFC 9700 §2.1.1: public clients MUST use PKCE
            if (context.client().isPublic()) {
                throw new AuthorizationException(INVALID_REQUEST, "PKCE required: code_challenge missing");
            }
            return;
        }
        // RFC 7636 §4.4.1: an unsupported transformation MUST get invalid_request; plain is not offered
        if (!S256.equals(method.orElse(PLAIN))) {
            throw new AuthorizationException(INVALID_REQUEST, "code_challenge_method must be S256");
        }
        if (!S256_CHALLENGE.matcher(challenge.get()).matches()) {
            throw new AuthorizationException(INVALID_REQUEST, "code_challenge must be 43 base64url characters");
        }
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.REDIRECT_URI;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.internal.client.RedirectUriMatch;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import java.util.Optional;

/**
 * Chooses where the authorization response goes: the request's {@code redirect_uri} when it is
 * exactly (string equality) one the client registered — on a loopback IP literal with any port
 * ({@link RedirectUriMatch}) — or the client's only registered URI when
 * the request has none. Anything else is shown as an error page with message key
 * {@value #MESSAGE_KEY}, never redirected (RFC 6749 §4.1.2.1).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.1.2.3">RFC 6749 §3.1.2.3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9700#section-2.1">RFC 9700 §2.1</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8252#section-7.3">RFC 8252 §7.3</a>
 */
final class RedirectUriValidator {

    static final String MESSAGE_KEY = "invalid_redirect_uri";

    /** Returns the URI to redirect to. */
    String validate(AuthorizationParameters parameters, RegisteredClient client) {
        if (parameters.isRepeated(REDIRECT_URI)) {
            throw invalid("redirect_uri included more than once");
        }
        Optional<String> requested = parameters.single(REDIRECT_URI);
        if (requested.isEmpty()) {
            // RFC 6749 §3.1.2.3: unless exactly one is registered, the client MUST include redirect_uri
            if (client.redirectUris().size() != 1) {
                throw invalid("redirect_uri missing and the client has " + client.redirectUris().size()
                        + " registered");
            }
            return client.redirectUris().get(0);
        }
        // RFC 9700 §2.1: exact string matching; RFC 8252 §7.3: any port on a loopback IP
        if (!RedirectUriMatch.isRegistered(requested.get(), client.redirectUris())) {
            throw invalid("redirect_uri not registered for client " + client.clientId());
        }
        return requested.get();
    }

    private static ErrorPageException invalid(String detail) {
        return new ErrorPageException(400, MESSAGE_KEY, detail);
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CLIENT_ID;
import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.MAX_VALUE_LENGTH;

import dev.latchkey.kernel.api.ErrorPageException;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;

/**
 * Finds the client of an authorization request. A missing, repeated or unknown {@code client_id}
 * is shown as an error page with message key {@value #MESSAGE_KEY}: the authorization server MUST
 * NOT redirect the user-agent to an unverified client (RFC 6749 §4.1.2.1).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2.1">RFC 6749 §4.1.2.1</a>
 */
final class ClientIdValidator {

    static final String MESSAGE_KEY = "invalid_client";

    private final ClientLookup clients;

    ClientIdValidator(ClientLookup clients) {
        this.clients = clients;
    }

    RegisteredClient validate(AuthorizationParameters parameters) {
        if (parameters.isRepeated(CLIENT_ID)) {
            throw invalid("client_id included more than once");
        }
        String clientId = parameters.single(CLIENT_ID).orElseThrow(() -> invalid("client_id missing"));
        if (clientId.length() > MAX_VALUE_LENGTH) {
            throw invalid("client_id too long");
        }
        return clients.find(clientId).orElseThrow(() -> invalid("unknown client_id"));
    }

    private static ErrorPageException invalid(String detail) {
        return new ErrorPageException(400, MESSAGE_KEY, detail);
    }
}

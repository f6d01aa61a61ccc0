package dev.latchkey.oauth.internal.token;

import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import java.time.Instant;

/**
 * A token request after its parameters were checked and its client authenticated; {@code now} is
 * the one instant every token of the response is dated with.
 */
public record TokenRequest(String grantType, RequestParameters parameters, AuthenticatedClient authenticatedClient,
                           String remoteAddress, String userAgent, Instant now) {

    public RegisteredClient client() {
        return authenticatedClient.client();
    }
}

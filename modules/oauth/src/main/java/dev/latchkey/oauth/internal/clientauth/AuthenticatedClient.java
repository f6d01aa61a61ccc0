package dev.latchkey.oauth.internal.clientauth;

import dev.latchkey.oauth.internal.client.RegisteredClient;

/** A client that proved who it is at the token endpoint (or, when public, said who it is). */
public record AuthenticatedClient(RegisteredClient client, ClientAuthMethod method) {

    public String clientId() {
        return client.clientId();
    }
}

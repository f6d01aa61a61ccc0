package dev.latchkey.oauth.internal.web;

import java.util.List;

/** Admin API client requests with only the basic fields set. */
final class ClientRequests {

    private ClientRequests() {
    }

    static ClientRequest basic(String clientId, String name, String type, String secret, List<String> redirectUris,
                               List<String> grantTypes, String scope, Boolean firstParty) {
        return new ClientRequest(clientId, name, type, secret, redirectUris, grantTypes, scope, firstParty, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

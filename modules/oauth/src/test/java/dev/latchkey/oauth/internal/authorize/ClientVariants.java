package dev.latchkey.oauth.internal.authorize;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import java.util.List;
import java.util.Set;

/** A fixture client with one registration field changed. */
final class ClientVariants {

    private ClientVariants() {
    }

    static RegisteredClient withRedirectUris(RegisteredClient client, String... redirectUris) {
        return new RegisteredClient(client.clientId(), client.name(), client.type(), client.secretHash(),
                List.of(redirectUris), client.grantTypes(), client.scopes(), client.firstParty());
    }

    static RegisteredClient withGrantTypes(RegisteredClient client, String... grantTypes) {
        return new RegisteredClient(client.clientId(), client.name(), client.type(), client.secretHash(),
                client.redirectUris(), Set.of(grantTypes), client.scopes(), client.firstParty());
    }

    static RegisteredClient withScopes(RegisteredClient client, String... scopes) {
        return new RegisteredClient(client.clientId(), client.name(), client.type(), client.secretHash(),
                client.redirectUris(), client.grantTypes(), Set.of(scopes), client.firstParty());
    }

    /** The client, first-party: it needs no consent. */
    static RegisteredClient firstParty(RegisteredClient client) {
        return new RegisteredClient(client.clientId(), client.name(), client.type(), client.secretHash(),
                client.redirectUris(), client.grantTypes(), client.scopes(), true, client.metadata(),
                client.sealedSecret());
    }
}

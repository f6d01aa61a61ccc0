package dev.latchkey.oauth.internal.client;

import dev.latchkey.oauth.api.ClientType;
import java.util.List;
import java.util.Set;

/**
 * A client as the protocol code sees it, cached in memory. {@code secretHash} is the SHA-256
 * (base64url) of the client secret, null for public clients.
 */
public record RegisteredClient(String clientId, String name, ClientType type, String secretHash,
                               List<String> redirectUris, Set<String> grantTypes, Set<String> scopes,
                               boolean firstParty) {

    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }
}

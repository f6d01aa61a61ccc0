package dev.latchkey.oauth.api;

import java.util.List;
import java.util.Set;

/**
 * The desired state of a client, as an admin or the declarative import states it.
 * {@code secret} is plain text and only ever hashed; it may be null for a confidential client
 * on update (the secret stays) or on create (one is generated when the client authenticates
 * with a secret). {@code metadata} null means every metadata field at its default.
 */
public record ClientDefinition(String clientId, String name, ClientType type, String secret,
                               List<String> redirectUris, Set<String> grantTypes, Set<String> scopes,
                               boolean firstParty, ClientMetadata metadata) {

    public ClientDefinition {
        metadata = metadata == null ? ClientMetadata.DEFAULTS : metadata;
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        grantTypes = grantTypes == null ? Set.of() : Set.copyOf(grantTypes);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** A definition with the default {@link ClientMetadata}. */
    public ClientDefinition(String clientId, String name, ClientType type, String secret, List<String> redirectUris,
                            Set<String> grantTypes, Set<String> scopes, boolean firstParty) {
        this(clientId, name, type, secret, redirectUris, grantTypes, scopes, firstParty, ClientMetadata.DEFAULTS);
    }

    /** This definition with another client id. */
    public ClientDefinition withClientId(String newClientId) {
        return new ClientDefinition(newClientId, name, type, secret, redirectUris, grantTypes, scopes, firstParty,
                metadata);
    }
}

package dev.latchkey.oauth.internal.client;

import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A client as the protocol code sees it, cached in memory. {@code secretHash} is the SHA-256
 * (base64url) of the client secret, null for clients without one. {@code metadata} is resolved:
 * its application type, token-endpoint authentication method and ID-token algorithm are set.
 * {@code sealedSecret} is the secret encrypted by {@link SealedClientSecrets}, only for clients
 * that authenticate with {@code client_secret_jwt}; null for every other client.
 */
public record RegisteredClient(String clientId, String name, ClientType type, String secretHash,
                               List<String> redirectUris, Set<String> grantTypes, Set<String> scopes,
                               boolean firstParty, ClientMetadata metadata, String sealedSecret) {

    public RegisteredClient {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        scopes = Set.copyOf(scopes);
        metadata = ClientMetadataValidator.resolve(metadata == null ? ClientMetadata.DEFAULTS : metadata, type);
    }

    /** A client without a sealed secret. */
    public RegisteredClient(String clientId, String name, ClientType type, String secretHash,
                            List<String> redirectUris, Set<String> grantTypes, Set<String> scopes,
                            boolean firstParty, ClientMetadata metadata) {
        this(clientId, name, type, secretHash, redirectUris, grantTypes, scopes, firstParty, metadata, null);
    }

    /** A client with the default metadata of its type. */
    public RegisteredClient(String clientId, String name, ClientType type, String secretHash,
                            List<String> redirectUris, Set<String> grantTypes, Set<String> scopes,
                            boolean firstParty) {
        this(clientId, name, type, secretHash, redirectUris, grantTypes, scopes, firstParty, ClientMetadata.DEFAULTS);
    }

    /** This client with another secret hash and sealed secret (null: none). */
    public RegisteredClient withSecret(String newSecretHash, String newSealedSecret) {
        return new RegisteredClient(clientId, name, type, newSecretHash, redirectUris, grantTypes, scopes, firstParty,
                metadata, newSealedSecret);
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    public boolean allowsGrant(String grantType) {
        return grantTypes.contains(grantType);
    }

    /** Whether the client authenticates with a shared secret (and so has one). */
    public boolean usesSecret() {
        return ClientMetadataValidator.SECRET_METHODS.contains(metadata.tokenEndpointAuthMethod());
    }

    /** Whether the client signs its token-endpoint assertions with its secret, and so needs it sealed. */
    public boolean usesSecretJwt() {
        return ClientMetadataValidator.CLIENT_SECRET_JWT.equals(metadata.tokenEndpointAuthMethod());
    }

    /** This client's access-token lifetime, or {@code serverDefault}. */
    public Duration accessTokenLifetime(Duration serverDefault) {
        return metadata.accessTokenLifetime() != null ? metadata.accessTokenLifetime() : serverDefault;
    }

    /** This client's refresh-token lifetime, or {@code serverDefault}. */
    public Duration refreshTokenLifetime(Duration serverDefault) {
        return metadata.refreshTokenLifetime() != null ? metadata.refreshTokenLifetime() : serverDefault;
    }
}

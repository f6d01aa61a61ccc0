package dev.latchkey.oauth.api;

import java.time.Duration;
import java.util.List;

/**
 * A client's registration metadata beyond the basics of {@link ClientDefinition}, named as in
 * RFC 7591 §2 and OpenID Connect Dynamic Client Registration §2. A null field takes the server's
 * default: {@code web}, {@code client_secret_basic} (confidential) or {@code none} (public),
 * {@code RS256} ID tokens, the configured token lifetimes.
 *
 * @param applicationType          {@code web} or {@code native} (native apps may use custom-scheme redirects)
 * @param tokenEndpointAuthMethod  how the client authenticates at the token endpoint
 * @param jwksUri                  where the client publishes its public keys (https)
 * @param jwks                     the client's public keys by value, a JWK Set document (not with {@code jwksUri})
 * @param idTokenSignedResponseAlg the JWS algorithm of the client's ID tokens
 * @param requestObjectSigningAlg  the only JWS algorithm accepted for the client's request objects
 * @param accessTokenLifetime      this client's access-token lifetime
 * @param refreshTokenLifetime     this client's refresh-token lifetime
 * @param defaultMaxAge            a {@code max_age} in seconds applied when a request gives none
 * @param requireAuthTime          whether ID tokens must carry {@code auth_time} (they always do)
 * @param clientUri                the client's home page, shown on the consent page
 * @param logoUri                  the client's logo, shown on the consent page
 * @param policyUri                the client's privacy policy, linked from the consent page
 * @param tosUri                   the client's terms of service, linked from the consent page
 * @param contacts                 e-mail addresses of the people responsible for the client
 * @param postLogoutRedirectUris   where the client may ask to be sent after a logout (OIDC RP-Initiated Logout §3.1)
 * @param backchannelLogoutUri     where logout tokens are posted when a session the client is bound to ends
 *                                 (OIDC Back-Channel Logout §2.2)
 * @param backchannelLogoutSessionRequired whether the client needs the {@code sid} claim in logout tokens
 *                                 (they always carry it)
 */
public record ClientMetadata(String applicationType, String tokenEndpointAuthMethod, String jwksUri, String jwks,
                             String idTokenSignedResponseAlg, String requestObjectSigningAlg,
                             Duration accessTokenLifetime, Duration refreshTokenLifetime, Integer defaultMaxAge,
                             boolean requireAuthTime, String clientUri, String logoUri, String policyUri,
                             String tosUri, List<String> contacts, List<String> postLogoutRedirectUris,
                             String backchannelLogoutUri, boolean backchannelLogoutSessionRequired) {

    /** Every field at the server's default. */
    public static final ClientMetadata DEFAULTS = new ClientMetadata(null, null, null, null, null, null, null, null,
            null, false, null, null, null, null, List.of());

    public ClientMetadata {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        postLogoutRedirectUris = postLogoutRedirectUris == null ? List.of() : List.copyOf(postLogoutRedirectUris);
    }

    /** Metadata without logout fields: no post-logout redirect URI, no back-channel logout. */
    public ClientMetadata(String applicationType, String tokenEndpointAuthMethod, String jwksUri, String jwks,
                          String idTokenSignedResponseAlg, String requestObjectSigningAlg,
                          Duration accessTokenLifetime, Duration refreshTokenLifetime, Integer defaultMaxAge,
                          boolean requireAuthTime, String clientUri, String logoUri, String policyUri,
                          String tosUri, List<String> contacts) {
        this(applicationType, tokenEndpointAuthMethod, jwksUri, jwks, idTokenSignedResponseAlg,
                requestObjectSigningAlg, accessTokenLifetime, refreshTokenLifetime, defaultMaxAge, requireAuthTime,
                clientUri, logoUri, policyUri, tosUri, contacts, List.of(), null, false);
    }
}

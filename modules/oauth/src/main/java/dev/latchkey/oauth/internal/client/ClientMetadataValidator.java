package dev.latchkey.oauth.internal.client;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.config.OAuthSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a client's {@link ClientMetadata} and fills in the defaults of its type. Every refusal is
 * a 400 validation problem naming the RFC 7591 field.
 */
public final class ClientMetadataValidator {

    public static final String WEB = "web";
    public static final String NATIVE = "native";
    public static final String CLIENT_SECRET_BASIC = "client_secret_basic";
    public static final String CLIENT_SECRET_POST = "client_secret_post";
    public static final String CLIENT_SECRET_JWT = "client_secret_jwt";
    public static final String PRIVATE_KEY_JWT = "private_key_jwt";
    public static final String NONE = "none";

    /** The authentication methods that need a client secret. */
    static final Set<String> SECRET_METHODS = Set.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, CLIENT_SECRET_JWT);
    /** The methods a confidential client may use. */
    static final Set<String> CONFIDENTIAL_METHODS = Set.of(CLIENT_SECRET_BASIC, CLIENT_SECRET_POST, CLIENT_SECRET_JWT,
            PRIVATE_KEY_JWT);
    /** The JWS algorithms an ID token can be signed with. */
    public static final Set<String> ID_TOKEN_ALGORITHMS = Set.of("RS256", "ES256", "PS256", "EdDSA");
    /** The JWS algorithms accepted for request objects. */
    public static final Set<String> REQUEST_OBJECT_ALGORITHMS = Set.of("RS256", "PS256", "ES256", "EdDSA");
    public static final String DEFAULT_ID_TOKEN_ALGORITHM = "RS256";

    static final Duration MAX_ACCESS_TOKEN_LIFETIME = OAuthSettings.MAX_CLIENT_ACCESS_TOKEN_LIFETIME;
    static final Duration MAX_REFRESH_TOKEN_LIFETIME = Duration.ofDays(366);
    static final int MAX_JWKS = 16_000;
    static final int MAX_URI = 2000;
    static final int MAX_CONTACTS = 10;
    static final int MAX_POST_LOGOUT_REDIRECT_URIS = 4000;
    private static final Pattern CONTACT = Pattern.compile("[^\\s@]{1,64}@[^\\s@]{1,255}");

    private ClientMetadataValidator() {
    }

    /** The metadata with the defaults of a client of {@code type} filled in; not checked. */
    static ClientMetadata resolve(ClientMetadata given, ClientType type) {
        String method = given.tokenEndpointAuthMethod() != null ? given.tokenEndpointAuthMethod()
                : type == ClientType.PUBLIC ? NONE : CLIENT_SECRET_BASIC;
        return new ClientMetadata(given.applicationType() != null ? given.applicationType() : WEB, method,
                given.jwksUri(), given.jwks(),
                given.idTokenSignedResponseAlg() != null ? given.idTokenSignedResponseAlg() : DEFAULT_ID_TOKEN_ALGORITHM,
                given.requestObjectSigningAlg(), given.accessTokenLifetime(), given.refreshTokenLifetime(),
                given.defaultMaxAge(), given.requireAuthTime(), given.clientUri(), given.logoUri(), given.policyUri(),
                given.tosUri(), given.contacts(), given.postLogoutRedirectUris(), given.backchannelLogoutUri(),
                given.backchannelLogoutSessionRequired());
    }

    /** Checks {@code given} for a client of {@code type}; returns it resolved. */
    public static ClientMetadata validate(ClientMetadata given, ClientType type) {
        ClientMetadata metadata = resolve(given, type);
        if (!metadata.applicationType().equals(WEB) && !metadata.applicationType().equals(NATIVE)) {
            throw Problems.validation("application_type must be web or native");
        }
        String method = metadata.tokenEndpointAuthMethod();
        if (type == ClientType.PUBLIC && !method.equals(NONE)) {
            throw Problems.validation("token_endpoint_auth_method: a public client uses none");
        }
        if (type == ClientType.CONFIDENTIAL && !CONFIDENTIAL_METHODS.contains(method)) {
            throw Problems.validation("token_endpoint_auth_method must be one of "
                    + String.join(", ", CONFIDENTIAL_METHODS.stream().sorted().toList()) + " for a confidential client");
        }
        checkKeys(metadata, method);
        checkAlgorithm("id_token_signed_response_alg", metadata.idTokenSignedResponseAlg(), ID_TOKEN_ALGORITHMS);
        if (metadata.requestObjectSigningAlg() != null) {
            checkAlgorithm("request_object_signing_alg", metadata.requestObjectSigningAlg(), REQUEST_OBJECT_ALGORITHMS);
        }
        checkLifetime("access_token_lifetime", metadata.accessTokenLifetime(), MAX_ACCESS_TOKEN_LIFETIME);
        checkLifetime("refresh_token_lifetime", metadata.refreshTokenLifetime(), MAX_REFRESH_TOKEN_LIFETIME);
        if (metadata.defaultMaxAge() != null && metadata.defaultMaxAge() < 0) {
            throw Problems.validation("default_max_age must be 0 or more seconds");
        }
        checkHttpsUri("client_uri", metadata.clientUri());
        checkHttpsUri("logo_uri", metadata.logoUri());
        checkHttpsUri("policy_uri", metadata.policyUri());
        checkHttpsUri("tos_uri", metadata.tosUri());
        checkContacts(metadata.contacts());
        checkPostLogoutRedirectUris(metadata.postLogoutRedirectUris(), metadata.applicationType());
        checkBackchannelLogoutUri(metadata.backchannelLogoutUri());
        return metadata;
    }

    private static void checkKeys(ClientMetadata metadata, String method) {
        if (metadata.jwks() != null && metadata.jwksUri() != null) {
            // RFC 7591 §2: jwks_uri and jwks MUST NOT both be present
            throw Problems.validation("jwks and jwks_uri: give one, not both");
        }
        if (metadata.jwksUri() != null) {
            checkHttpsUri("jwks_uri", metadata.jwksUri());
        }
        if (metadata.jwks() != null) {
            checkJwks(metadata.jwks());
        }
        if (method.equals(PRIVATE_KEY_JWT) && metadata.jwks() == null && metadata.jwksUri() == null) {
            throw Problems.validation("token_endpoint_auth_method: private_key_jwt needs jwks or jwks_uri");
        }
    }

    private static void checkJwks(String jwks) {
        if (jwks.length() > MAX_JWKS) {
            throw Problems.validation("jwks is longer than " + MAX_JWKS + " characters");
        }
        JWKSet set;
        try {
            set = JWKSet.parse(jwks);
        } catch (ParseException e) {
            throw Problems.validation("jwks is not a JWK Set: " + e.getMessage());
        }
        if (set.getKeys().isEmpty()) {
            throw Problems.validation("jwks holds no key");
        }
        if (set.getKeys().stream().anyMatch(JWK::isPrivate)) {
            throw Problems.validation("jwks holds a private key; register public keys only");
        }
    }

    private static void checkAlgorithm(String field, String alg, Set<String> allowed) {
        if (!allowed.contains(alg)) {
            throw Problems.validation(field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static void checkLifetime(String field, Duration lifetime, Duration max) {
        if (lifetime != null && (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(max) > 0)) {
            throw Problems.validation(field + " must be 1 to " + max.toSeconds() + " seconds");
        }
    }

    /** An absolute https URI of at most {@link #MAX_URI} characters, without a fragment; null passes. */
    static void checkHttpsUri(String field, String value) {
        if (value == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Problems.validation(field + ": '" + value + "' is not a URI");
        }
        if (value.length() > MAX_URI || !"https".equals(lower(uri.getScheme())) || uri.getHost() == null
                || uri.getRawFragment() != null) {
            throw Problems.validation(field + " must be an https URI with a host, without a fragment, of at most "
                    + MAX_URI + " characters");
        }
    }

    /** OIDC RP-Initiated Logout §3.1: the same rules as redirect URIs. */
    private static void checkPostLogoutRedirectUris(List<String> uris, String applicationType) {
        for (String uri : uris) {
            ClientValidator.checkRedirectUri("post_logout_redirect_uris", uri, applicationType);
        }
        if (String.join(" ", uris).length() > MAX_POST_LOGOUT_REDIRECT_URIS) {
            throw Problems.validation("post_logout_redirect_uris are longer than " + MAX_POST_LOGOUT_REDIRECT_URIS
                    + " characters together");
        }
    }

    /**
     * OIDC Back-Channel Logout §2.2: an absolute URI without a fragment; https, or http only on a
     * loopback host (an admin's local test client). A dynamically registered client is held to
     * public https addresses by {@code RegistrationRequest}.
     */
    private static void checkBackchannelLogoutUri(String value) {
        if (value == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Problems.validation("backchannel_logout_uri: '" + value + "' is not a URI");
        }
        String scheme = lower(uri.getScheme());
        boolean secure = "https".equals(scheme)
                || "http".equals(scheme) && uri.getHost() != null && ClientValidator.isLoopbackHost(uri.getHost());
        if (value.length() > MAX_URI || !secure || uri.getHost() == null || uri.getRawFragment() != null) {
            throw Problems.validation("backchannel_logout_uri must be an https URI (http only for 127.0.0.1, [::1] "
                    + "or localhost) with a host, without a fragment, of at most " + MAX_URI + " characters");
        }
    }

    private static void checkContacts(List<String> contacts) {
        if (contacts.size() > MAX_CONTACTS) {
            throw Problems.validation("contacts: at most " + MAX_CONTACTS + " addresses");
        }
        for (String contact : contacts) {
            if (contact == null || !CONTACT.matcher(contact).matches()) {
                throw Problems.validation("contacts: '" + contact + "' is not an e-mail address");
            }
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}

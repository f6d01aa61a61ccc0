package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.api.ClientType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link ClientDefinition} and turns it into the client it describes, filling in the
 * defaults (grant types {@code authorization_code refresh_token}, scope {@code openid profile
 * email}). Every refusal is a 400 validation problem naming the field.
 */
public final class ClientValidator {

    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String PASSWORD = "password";

    static final Set<String> GRANT_TYPES = Set.of(AUTHORIZATION_CODE, REFRESH_TOKEN, CLIENT_CREDENTIALS, PASSWORD);
    static final List<String> DEFAULT_GRANT_TYPES = List.of(AUTHORIZATION_CODE, REFRESH_TOKEN);
    public static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._~-]{1,255}");
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9:._-]+");
    private static final Pattern PRIVATE_USE_SCHEME = Pattern.compile("[a-z][a-z0-9+-]*(\\.[a-z0-9+-]+)+");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
    private static final int MAX_NAME = 255;
    private static final int MAX_REDIRECT_URIS = 4000;
    private static final int MAX_SCOPES = 2000;

    private ClientValidator() {
    }

    /** The client a definition describes, with no secret hash yet. */
    public static RegisteredClient validate(ClientDefinition definition) {
        String clientId = definition.clientId();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw Problems.validation("client_id must be 1 to 255 characters of A-Z a-z 0-9 . _ ~ -");
        }
        ClientType type = definition.type();
        if (type == null) {
            throw Problems.validation("client_type must be confidential or public");
        }
        String name = definition.name() == null || definition.name().isBlank() ? clientId : definition.name().trim();
        if (name.length() > MAX_NAME) {
            throw Problems.validation("client_name must be at most " + MAX_NAME + " characters");
        }
        ClientMetadata metadata = ClientMetadataValidator.validate(definition.metadata(), type);
        checkSecret(definition.secret(), type, metadata);
        List<String> redirectUris = redirectUris(definition.redirectUris(), metadata.applicationType());
        Set<String> grantTypes = grantTypes(definition.grantTypes(), type, redirectUris);
        Set<String> scopes = scopes(definition.scopes());
        return new RegisteredClient(clientId, name, type, null, redirectUris, grantTypes, scopes,
                definition.firstParty(), metadata);
    }

    private static void checkSecret(String secret, ClientType type, ClientMetadata metadata) {
        if (secret == null) {
            return;
        }
        if (type == ClientType.PUBLIC) {
            throw Problems.validation("client_secret: a public client has no secret");
        }
        if (!ClientMetadataValidator.SECRET_METHODS.contains(metadata.tokenEndpointAuthMethod())) {
            throw Problems.validation("client_secret: a client using " + metadata.tokenEndpointAuthMethod()
                    + " has no secret");
        }
        if (secret.length() < ClientSecrets.MIN_LENGTH || secret.length() > ClientSecrets.MAX_LENGTH) {
            throw Problems.validation("client_secret must be " + ClientSecrets.MIN_LENGTH + " to "
                    + ClientSecrets.MAX_LENGTH + " characters");
        }
    }

    private static List<String> redirectUris(List<String> given, String applicationType) {
        Set<String> uris = new LinkedHashSet<>();
        for (String uri : given) {
            checkRedirectUri("redirect_uris", uri, applicationType);
            uris.add(uri);
        }
        if (String.join(" ", uris).length() > MAX_REDIRECT_URIS) {
            throw Problems.validation("redirect_uris are longer than " + MAX_REDIRECT_URIS + " characters together");
        }
        return List.copyOf(uris);
    }

    /**
     * RFC 6749 §3.1.2: an absolute URI without a fragment; RFC 9700 §2.1 and RFC 8252 §8.3: https,
     * or http only on a loopback host; RFC 8252 §7.1: a native app may also use a private-use
     * scheme in reverse-domain form (with a dot, e.g. {@code com.example.app:/callback}).
     */
    static void checkRedirectUri(String field, String value, String applicationType) {
        if (value == null || value.isBlank()) {
            throw Problems.validation(field + ": an entry is empty");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw Problems.validation(field + ": '" + value + "' is not a URI");
        }
        if (uri.getRawFragment() != null) {
            throw Problems.validation(field + ": '" + value + "' has a fragment (RFC 6749 §3.1.2)");
        }
        String scheme = uri.isAbsolute() ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
        if (ClientMetadataValidator.NATIVE.equals(applicationType) && PRIVATE_USE_SCHEME.matcher(scheme).matches()) {
            return;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw Problems.validation(field + ": '" + value + "' is not an absolute URI with a host"
                    + (ClientMetadataValidator.NATIVE.equals(applicationType)
                    ? " nor one of a private-use scheme with a dot (RFC 8252 §7.1)" : ""));
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopbackHost(uri.getHost()))) {
            throw Problems.validation(field + ": '" + value
                    + "' must use https (http only for 127.0.0.1, [::1] or localhost)");
        }
    }

    /** Whether {@code host} names the loopback interface: 127.0.0.1, [::1] or localhost. */
    static boolean isLoopbackHost(String host) {
        return LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    private static Set<String> grantTypes(Set<String> given, ClientType type, List<String> redirectUris) {
        Set<String> grantTypes = new LinkedHashSet<>(given.isEmpty() ? DEFAULT_GRANT_TYPES : given);
        for (String grantType : grantTypes) {
            if (!GRANT_TYPES.contains(grantType)) {
                throw Problems.validation("grant_types: '" + grantType + "' is not one of "
                        + String.join(", ", GRANT_TYPES.stream().sorted().toList()));
            }
        }
        if (grantTypes.contains(CLIENT_CREDENTIALS) && type == ClientType.PUBLIC) {
            throw Problems.validation("grant_types: client_credentials needs a confidential client");
        }
        if (grantTypes.contains(AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw Problems.validation("redirect_uris: authorization_code needs at least one redirect URI");
        }
        if (grantTypes.contains(REFRESH_TOKEN) && !grantTypes.contains(AUTHORIZATION_CODE)
                && !grantTypes.contains(PASSWORD)) {
            throw Problems.validation("grant_types: refresh_token needs authorization_code or password");
        }
        return grantTypes;
    }

    private static Set<String> scopes(Set<String> given) {
        Set<String> scopes = new LinkedHashSet<>(given.isEmpty() ? DEFAULT_SCOPES : given);
        for (String scope : scopes) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                throw Problems.validation("scope: '" + scope + "' is not a scope of [a-z0-9:._-]");
            }
        }
        if (String.join(" ", scopes).length() > MAX_SCOPES) {
            throw Problems.validation("scope is longer than " + MAX_SCOPES + " characters");
        }
        return scopes;
    }
}

package dev.latchkey.oauth.internal.discovery;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * The protected resource metadata of Latchkey's own REST API: its resource identifier (the
 * issuer, which its access tokens carry as {@code aud}), the authorization server that issues
 * them (Latchkey itself), the scopes and bearer methods it accepts, its name and documentation.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-2">RFC 9728 §2</a>
 */
@JsonbPropertyOrder({"resource", "authorizationServers", "scopesSupported", "bearerMethodsSupported",
        "resourceName", "resourceDocumentation"})
public record ProtectedResourceMetadata(
        @JsonbProperty("resource") String resource,
        @JsonbProperty("authorization_servers") List<String> authorizationServers,
        @JsonbProperty("scopes_supported") List<String> scopesSupported,
        @JsonbProperty("bearer_methods_supported") List<String> bearerMethodsSupported,
        @JsonbProperty("resource_name") String resourceName,
        @JsonbProperty("resource_documentation") String resourceDocumentation) {

    public ProtectedResourceMetadata {
        authorizationServers = List.copyOf(authorizationServers);
        scopesSupported = List.copyOf(scopesSupported);
        bearerMethodsSupported = List.copyOf(bearerMethodsSupported);
    }
}

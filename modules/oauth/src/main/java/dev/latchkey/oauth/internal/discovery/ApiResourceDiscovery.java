package dev.latchkey.oauth.internal.discovery;

import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.protocol.Scope;
import dev.latchkey.oauth.internal.resource.ResourceServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Builds the RFC 9728 metadata of Latchkey's own REST API. Its resource identifier is the issuer,
 * the {@code aud} MicroProfile JWT checks ({@code mp.jwt.verify.audiences}); it defines no scopes
 * of its own (it authorizes by role), so its {@code scopes_supported} are the OpenID scopes a
 * token for it may carry; tokens go in the {@code Authorization} header only.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-2">RFC 9728 §2</a>
 */
@ApplicationScoped
public class ApiResourceDiscovery {

    /** Where mpOpenAPI serves the API's human-readable documentation, below the issuer. */
    static final String DOCUMENTATION_PATH = "/openapi/ui";

    private ServerSettings server;

    @Inject
    public ApiResourceDiscovery(ServerSettings server) {
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected ApiResourceDiscovery() {
    }

    public ProtectedResourceMetadata metadata() {
        String issuer = server.issuer();
        return new ProtectedResourceMetadata(issuer, List.of(issuer), List.copyOf(Scope.STANDARD),
                // RFC 6750 §2.1 only: no form body or query parameter tokens
                List.of("header"), ResourceServer.LATCHKEY_API_NAME, issuer + DOCUMENTATION_PATH);
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.discovery.Discovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The provider metadata at both well-known locations: OIDC Discovery's and RFC 8414's.
 *
 * @see <a href="https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig">OIDC Discovery §4</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8414#section-3">RFC 8414 §3</a>
 */
@Path("/.well-known")
@ApplicationScoped
public class DiscoveryResource {

    private Discovery discovery;

    @Inject
    public DiscoveryResource(Discovery discovery) {
        this.discovery = discovery;
    }

    /** For CDI's client proxy only. */
    protected DiscoveryResource() {
    }

    @GET
    @Path("openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Response openidConfiguration() {
        return metadata();
    }

    @GET
    @Path("oauth-authorization-server")
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorizationServer() {
        return metadata();
    }

    private Response metadata() {
        return Response.ok(discovery.metadata(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, JwksResource.CACHE).build();
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.api.ApiChallenges;
import dev.latchkey.oauth.internal.discovery.ApiResourceDiscovery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The protected resource metadata of Latchkey's own REST API, at the well-known location RFC 9728
 * §3.1 derives from its resource identifier (the issuer); every 401 of {@code /api} points here
 * with {@code resource_metadata}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc9728#section-3">RFC 9728 §3</a>
 */
@Path(ApiChallenges.METADATA_PATH)
@ApplicationScoped
public class ProtectedResourceMetadataResource {

    private ApiResourceDiscovery discovery;

    @Inject
    public ProtectedResourceMetadataResource(ApiResourceDiscovery discovery) {
        this.discovery = discovery;
    }

    /** For CDI's client proxy only. */
    protected ProtectedResourceMetadataResource() {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(discovery.metadata(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, JwksResource.CACHE).build();
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.PageRequest;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.resource.ResourceServerPage;
import dev.latchkey.oauth.internal.resource.ResourceServerService;
import dev.latchkey.oauth.internal.resource.StoredResourceServer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API of resource servers: the APIs that accept Latchkey's access tokens, named by
 * clients with RFC 8707 {@code resource} parameters. Errors are RFC 9457 problems.
 */
@Path(ResourceServerAdminResource.PATH)
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resource servers", description = "APIs that accept access tokens, and the scopes they define (admin)")
public class ResourceServerAdminResource {

    static final String PATH = "/api/v1/admin/resource-servers";

    private ResourceServerService servers;
    private ServerSettings server;

    @Inject
    public ResourceServerAdminResource(ResourceServerService servers, ServerSettings server) {
        this.servers = servers;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected ResourceServerAdminResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a resource server", description = "resource is an absolute URI without fragment: "
            + "the aud of access tokens for it; scopes_supported are the scopes it defines (1 to 100).")
    @APIResponse(responseCode = "201", description = "Created; Location names the resource server")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "409", description = "The resource is registered already")
    public Response create(ResourceServerRequest request) {
        StoredResourceServer saved = servers.create(body(request).toDefinition());
        // the public URL, not the request's host, so the link works behind a proxy
        return Response.created(URI.create(server.publicUrl() + PATH + "/" + saved.id()))
                .entity(ResourceServerResponse.of(saved)).build();
    }

    @GET
    @Operation(summary = "List resource servers", description = "Ordered by resource; page counts from 0.")
    @APIResponse(responseCode = "200", description = "One page of resource servers")
    public ResourceServerListResponse list(@QueryParam("page") String page, @QueryParam("size") String size) {
        ResourceServerPage found = servers.list(PageRequest.parse(page, size));
        return new ResourceServerListResponse(found.items().stream().map(ResourceServerResponse::of).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a resource server")
    @APIResponse(responseCode = "200", description = "The resource server")
    @APIResponse(responseCode = "404", description = "No such resource server")
    public ResourceServerResponse get(@PathParam("id") String id) {
        return servers.find(id(id)).map(ResourceServerResponse::of).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a resource server", description = "Tokens issued before keep their aud and scope "
            + "until they expire.")
    @APIResponse(responseCode = "200", description = "The updated resource server")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "404", description = "No such resource server")
    @APIResponse(responseCode = "409", description = "The new resource is registered already")
    public ResourceServerResponse update(@PathParam("id") String id, ResourceServerRequest request) {
        return ResourceServerResponse.of(servers.update(id(id), body(request).toDefinition()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a resource server", description = "Clients can no longer request tokens for it; "
            + "tokens issued before stay valid until they expire.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such resource server")
    public Response delete(@PathParam("id") String id) {
        servers.delete(id(id));
        return Response.noContent().build();
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAUuid) {
            throw notFound(id);
        }
    }

    private static ProblemException notFound(String id) {
        return Problems.notFound("No resource server with id '" + id + "'");
    }

    private static ResourceServerRequest body(ResourceServerRequest request) {
        if (request == null) {
            throw Problems.malformed("A JSON resource server is required");
        }
        return request;
    }
}

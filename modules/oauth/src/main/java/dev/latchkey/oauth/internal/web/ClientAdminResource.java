package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.PageRequest;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.internal.client.ClientPage;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.client.SavedClient;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API of OAuth clients. Secrets are shown once: in the response that created or
 * rotated them. Errors are RFC 9457 problems.
 */
@Path(ClientAdminResource.PATH)
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "OAuth clients (admin)")
public class ClientAdminResource {

    static final String PATH = "/api/v1/admin/clients";

    private ClientService clients;
    private ServerSettings server;

    @Inject
    public ClientAdminResource(ClientService clients, ServerSettings server) {
        this.clients = clients;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected ClientAdminResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a client", description = "A confidential client without client_secret gets a "
            + "generated one, returned in this response only.")
    @APIResponse(responseCode = "201", description = "Created; Location names the client")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "409", description = "The client_id is taken")
    public Response create(ClientRequest request) {
        SavedClient saved = clients.create(body(request).toDefinition());
        // client ids are URL-safe by validation ([A-Za-z0-9._~-]), so they go into the path as they are;
        // the public URL, not the request's host, so the link works behind a proxy
        return Response.created(URI.create(server.publicUrl() + PATH + "/" + saved.client().client().clientId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ClientResponse.of(saved.client(), saved.secret())).build();
    }

    @GET
    @Operation(summary = "List clients", description = "Ordered by client_id; page counts from 0.")
    @APIResponse(responseCode = "200", description = "One page of clients")
    public ClientListResponse list(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        ClientPage found = clients.list(request.page(), request.size());
        return new ClientListResponse(found.items().stream().map(client -> ClientResponse.of(client, null)).toList(),
                found.page(), found.size(), found.total());
    }

    @GET
    @Path("{clientId}")
    @Operation(summary = "Read a client")
    @APIResponse(responseCode = "200", description = "The client, without its secret")
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientResponse get(@PathParam("clientId") String clientId) {
        return clients.find(clientId).map(client -> ClientResponse.of(client, null))
                .orElseThrow(() -> Problems.notFound("No client with client_id '" + clientId + "'"));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a client", description = "The secret stays; a client made confidential gets one, "
            + "returned in this response only.")
    @APIResponse(responseCode = "200", description = "The updated client")
    @APIResponse(responseCode = "400", description = "A field is invalid")
    @APIResponse(responseCode = "404", description = "No such client")
    public ClientResponse update(@PathParam("clientId") String clientId, ClientRequest request) {
        ClientDefinition definition = body(request).toDefinition();
        SavedClient saved = clients.update(clientId,
                definition.clientId() != null ? definition : definition.withClientId(clientId));
        return ClientResponse.of(saved.client(), saved.secret());
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Delete a client", description = "Its refresh tokens are revoked.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such client")
    public Response delete(@PathParam("clientId") String clientId) {
        clients.delete(clientId);
        return Response.noContent().build();
    }

    @POST
    @Path("{clientId}/secret")
    @Operation(summary = "Rotate a confidential client's secret", description = "The old secret stops working; "
            + "the new one is returned in this response only.")
    @APIResponse(responseCode = "200", description = "The client with its new client_secret")
    @APIResponse(responseCode = "400", description = "The client is public")
    @APIResponse(responseCode = "404", description = "No such client")
    public Response rotateSecret(@PathParam("clientId") String clientId) {
        SavedClient saved = clients.rotateSecret(clientId);
        return Response.ok(ClientResponse.of(saved.client(), saved.secret()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static ClientRequest body(ClientRequest request) {
        if (request == null) {
            throw Problems.malformed("A JSON client is required");
        }
        return request;
    }
}

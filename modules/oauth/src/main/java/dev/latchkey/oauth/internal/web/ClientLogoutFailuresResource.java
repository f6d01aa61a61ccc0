package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.logout.LogoutFailureLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The back-channel logout tokens a client did not receive (after the retries), for admins who
 * must find out why a client keeps users signed in.
 */
@Path(ClientAdminResource.PATH + "/{clientId}/logout-failures")
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients", description = "OAuth clients (admin)")
public class ClientLogoutFailuresResource {

    private ClientService clients;
    private LogoutFailureLog failures;

    @Inject
    public ClientLogoutFailuresResource(ClientService clients, LogoutFailureLog failures) {
        this.clients = clients;
        this.failures = failures;
    }

    /** For CDI's client proxy only. */
    protected ClientLogoutFailuresResource() {
    }

    @GET
    @Operation(summary = "List a client's undelivered back-channel logout tokens",
            description = "Newest first, at most " + LogoutFailureLog.LISTED + ".")
    @APIResponse(responseCode = "200", description = "The failures")
    @APIResponse(responseCode = "404", description = "No such client")
    public LogoutFailureListResponse list(@PathParam("clientId") String clientId) {
        if (clients.find(clientId).isEmpty()) {
            throw Problems.notFound("No client with client_id '" + clientId + "'");
        }
        return new LogoutFailureListResponse(failures.ofClient(clientId).stream()
                .map(LogoutFailureListResponse.Item::of).toList());
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.registration.InitialAccessTokenService;
import dev.latchkey.oauth.internal.registration.IssuedInitialAccessToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API of initial access tokens: each allows a number of dynamic registrations at
 * {@code /register} until it expires (with {@code latchkey.oauth.registration=token}). The token
 * is shown once, in the response that issued it. Errors are RFC 9457 problems.
 */
@Path(InitialAccessTokenAdminResource.PATH)
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Initial access tokens", description = "Tokens that allow dynamic client registration (admin)")
public class InitialAccessTokenAdminResource {

    static final String PATH = "/api/v1/admin/initial-access-tokens";

    private InitialAccessTokenService tokens;
    private ServerSettings server;

    @Inject
    public InitialAccessTokenAdminResource(InitialAccessTokenService tokens, ServerSettings server) {
        this.tokens = tokens;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected InitialAccessTokenAdminResource() {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue an initial access token", description = "expires_in in seconds (default 86400, at "
            + "most a year), registrations it allows (default 1, at most 10000); an empty body takes both defaults. "
            + "The token is returned in this response only.")
    @APIResponse(responseCode = "201", description = "Issued; Location names it")
    @APIResponse(responseCode = "400", description = "A field is out of range")
    public Response issue(InitialAccessTokenRequest request) {
        InitialAccessTokenRequest given = request == null ? new InitialAccessTokenRequest(null, null) : request;
        IssuedInitialAccessToken issued = tokens.issue(given.expiresIn(), given.registrations());
        return Response.created(URI.create(server.publicUrl() + PATH + "/" + issued.token().id()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(InitialAccessTokenResponse.of(issued.token(), issued.value())).build();
    }

    @GET
    @Operation(summary = "List initial access tokens", description = "Newest first, expired ones too; without "
            + "their values.")
    @APIResponse(responseCode = "200", description = "Every initial access token")
    public InitialAccessTokenListResponse list() {
        return new InitialAccessTokenListResponse(tokens.list().stream()
                .map(token -> InitialAccessTokenResponse.of(token, null)).toList());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an initial access token", description = "The registrations it had left are no "
            + "longer allowed; clients it registered stay.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such token")
    public Response delete(@PathParam("id") String id) {
        tokens.delete(uuid(id));
        return Response.noContent().build();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("No initial access token with id '" + id + "'");
        }
    }
}

package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.UserAdministration;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.kernel.api.Problems;
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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One user of the admin API: read, replace, disable, enable, delete. */
@ApplicationScoped
@Path(UsersResource.PATH + "/{id}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer access token")
@APIResponse(responseCode = "403", description = "The token's user does not have the role admin")
public class UserResource {

    @Inject
    UserDirectory directory;

    @Inject
    UserAdministration administration;

    @GET
    @Operation(summary = "Read a user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "404", description = "No user has this id", content = @Content(mediaType = UsersResource.PROBLEM))
    public UserResponse read(@Parameter(description = "The user's id (a UUID)") @PathParam("id") String id) {
        return directory.findById(UserRequests.userId(id)).map(UserResponse::of)
                .orElseThrow(() -> Problems.notFound("no user has the id " + id));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a user's profile and roles",
            description = "Replaces email, emailVerified, names and roles (an absent field is cleared) and, when"
                    + " password is given, the password. The username never changes.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = UpdateUserRequest.class)))
    @APIResponse(responseCode = "200", description = "The updated user",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; the detail names it",
            content = @Content(mediaType = UsersResource.PROBLEM))
    @APIResponse(responseCode = "404", description = "No user has this id", content = @Content(mediaType = UsersResource.PROBLEM))
    @APIResponse(responseCode = "409", description = "The email is taken", content = @Content(mediaType = UsersResource.PROBLEM))
    public UserResponse replace(@Parameter(description = "The user's id (a UUID)") @PathParam("id") String id,
                                UpdateUserRequest body) {
        return UserResponse.of(administration.update(UserRequests.userId(id), UserRequests.update(body)));
    }

    @POST
    @Path("disable")
    @Operation(summary = "Disable a user", description = "Every later login and token request of the user is"
            + " refused, and the user's sessions no longer authorize anything. Disabling a disabled user changes nothing.")
    @APIResponse(responseCode = "204", description = "Disabled")
    @APIResponse(responseCode = "404", description = "No user has this id", content = @Content(mediaType = UsersResource.PROBLEM))
    public void disable(@Parameter(description = "The user's id (a UUID)") @PathParam("id") String id) {
        administration.disable(UserRequests.userId(id));
    }

    @POST
    @Path("enable")
    @Operation(summary = "Enable a user", description = "The user may log in again.")
    @APIResponse(responseCode = "204", description = "Enabled")
    @APIResponse(responseCode = "404", description = "No user has this id", content = @Content(mediaType = UsersResource.PROBLEM))
    public void enable(@Parameter(description = "The user's id (a UUID)") @PathParam("id") String id) {
        administration.enable(UserRequests.userId(id));
    }

    @DELETE
    @Operation(summary = "Delete a user", description = "Deletes the user, its password and roles; every module"
            + " drops what it keeps for the user.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No user has this id", content = @Content(mediaType = UsersResource.PROBLEM))
    public void delete(@Parameter(description = "The user's id (a UUID)") @PathParam("id") String id) {
        administration.delete(UserRequests.userId(id));
    }
}

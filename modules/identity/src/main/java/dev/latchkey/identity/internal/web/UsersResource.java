package dev.latchkey.identity.internal.web;

import dev.latchkey.kernel.api.PageRequest;
import dev.latchkey.identity.api.UserAdministration;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.kernel.api.ServerSettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The user collection of the admin API: create a user, search users. */
@ApplicationScoped
@Path(UsersResource.PATH)
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users", description = "User accounts, for administrators (role admin)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer access token")
@APIResponse(responseCode = "403", description = "The token's user does not have the role admin")
public class UsersResource {

    static final String PATH = "/api/v1/admin/users";
    static final String PROBLEM = "application/problem+json";

    @Inject
    UserDirectory directory;

    @Inject
    UserAdministration administration;

    @Inject
    ServerSettings server;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user",
            description = "Creates an active user. Username and email are stored lower-case and must be unique;"
                    + " the password, when given, must have 8 to 256 characters.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = CreateUserRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new user",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; the detail names it",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The username or email is taken",
            content = @Content(mediaType = PROBLEM))
    public Response create(CreateUserRequest body) {
        UserView user = directory.create(UserRequests.newUser(body));
        URI location = URI.create(server.publicUrl() + PATH + "/" + user.id());
        return Response.created(location).entity(UserResponse.of(user)).build();
    }

    @GET
    @Operation(summary = "Search users",
            description = "Users whose username, email or name contains q (case-insensitive), by username.")
    @APIResponse(responseCode = "200", description = "One page of matches",
            content = @Content(schema = @Schema(implementation = UserPageResponse.class)))
    @APIResponse(responseCode = "400", description = "page or size is out of range",
            content = @Content(mediaType = PROBLEM))
    public UserPageResponse search(
            @Parameter(description = "Text to look for; every user when absent") @QueryParam("q") String query,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "0", minimum = "0")) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100", schema = @Schema(type = SchemaType.INTEGER,
                    defaultValue = "20", minimum = "1", maximum = "100")) @QueryParam("size") String size) {
        PageRequest request = PageRequest.parse(page, size);
        return UserPageResponse.of(administration.search(query, request.page(), request.size()));
    }
}

package dev.latchkey.session.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.session.api.SessionEndReason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An admin's view of a user's single-sign-on sessions: list them, end one, end all. Sessions
 * know their user only by id (session does not depend on identity), so a user id that names no
 * user simply has no sessions; an id that is no UUID is a 404, as in the users API.
 */
@ApplicationScoped
@Path("/api/v1/admin/users/{userId}/sessions")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer access token")
@APIResponse(responseCode = "403", description = "The token's user does not have the role admin")
public class UserSessionsAdminResource {

    @Inject
    SessionsOfUser sessions;

    @GET
    @Operation(summary = "List a user's sessions", description = "The user's live sessions, newest first.")
    @APIResponse(responseCode = "200", description = "The user's live sessions (none for an unknown user)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "The user id is no UUID",
            content = @Content(mediaType = AccountSessionsResource.PROBLEM))
    public List<SessionResponse> list(@Parameter(description = "The user's id (a UUID)") @PathParam("userId") String userId) {
        return sessions.list(userId(userId));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End one of a user's sessions", description = "Signs that session out: its cookie is"
            + " refused and its refresh tokens without offline_access are revoked.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "The user has no live session of this id",
            content = @Content(mediaType = AccountSessionsResource.PROBLEM))
    public void end(@Parameter(description = "The user's id (a UUID)") @PathParam("userId") String userId,
                    @Parameter(description = "The session's id") @PathParam("id") String id) {
        sessions.end(userId(userId), id, SessionEndReason.ENDED_BY_ADMIN);
    }

    @DELETE
    @Operation(summary = "End all sessions of a user", description = "Signs the user out everywhere.")
    @APIResponse(responseCode = "204", description = "Ended (also when there was none)")
    @APIResponse(responseCode = "404", description = "The user id is no UUID",
            content = @Content(mediaType = AccountSessionsResource.PROBLEM))
    public void endAll(@Parameter(description = "The user's id (a UUID)") @PathParam("userId") String userId) {
        sessions.endAll(userId(userId), SessionEndReason.ENDED_BY_ADMIN);
    }

    private static UUID userId(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAUuid) {
            // falls through: no user has an id that is not a UUID
        }
        throw Problems.notFound("no user has this id");
    }
}

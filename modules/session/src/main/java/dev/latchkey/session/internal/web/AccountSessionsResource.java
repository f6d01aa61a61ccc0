package dev.latchkey.session.internal.web;

import dev.latchkey.session.api.SessionEndReason;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's own single-sign-on sessions: list them, end one, end all. The container
 * demands an authenticated caller on {@code /api/*} (web.xml); the caller is the token's subject,
 * so a user only ever sees and ends their own sessions. A token that names no user (a client's)
 * is refused like a missing one. Ending a session revokes the refresh tokens issued in it (except
 * {@code offline_access} ones): oauth listens to {@code SessionEnded}.
 */
@RequestScoped
@Path("/api/v1/account/sessions")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account", description = "The signed-in user's own account")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid bearer token, or a token without a user")
public class AccountSessionsResource {

    static final String PROBLEM = "application/problem+json";

    @Inject
    SessionsOfUser sessions;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "List my sessions", description = "The caller's live sessions, newest first: device, IP"
            + " address, approximate place (with an IP database), when created and last seen, how the user"
            + " authenticated, and the clients each session issued codes or tokens to.")
    @APIResponse(responseCode = "200", description = "The caller's live sessions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SessionResponse.class)))
    public List<SessionResponse> list() {
        return sessions.list(caller());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End one of my sessions", description = "Signs that session out: its cookie is refused"
            + " and its refresh tokens without offline_access are revoked.")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "None of my live sessions has this id",
            content = @Content(mediaType = PROBLEM))
    public void end(@Parameter(description = "The session's id") @PathParam("id") String id) {
        sessions.end(caller(), id, SessionEndReason.ENDED_BY_USER);
    }

    @DELETE
    @Operation(summary = "End all my sessions", description = "Signs every session of the caller out, the one"
            + " the token was obtained in too.")
    @APIResponse(responseCode = "204", description = "Ended (also when there was none)")
    public void endAll() {
        sessions.endAll(caller(), SessionEndReason.ENDED_BY_USER);
    }

    /** The user the token is about; a client's token has its client id as subject, which is no UUID. */
    private UUID caller() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            throw new NotAuthorizedException("Bearer error=\"invalid_token\"");
        }
    }
}

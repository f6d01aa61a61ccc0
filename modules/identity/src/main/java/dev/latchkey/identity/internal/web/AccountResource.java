package dev.latchkey.identity.internal.web;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.internal.domain.UserAccounts;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's own account, for any bearer access token Latchkey issued to a user: the
 * smallest MicroProfile JWT resource there is, and the start of the self-service API.
 * The container already demands an authenticated caller on {@code /api/*} (web.xml), so no role is
 * needed here; {@code @PermitAll} says so, and the resource refuses a token that names no user.
 */
@RequestScoped
@Path("/api/v1/account")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account", description = "The signed-in user's own account")
@SecurityRequirement(name = "bearer")
public class AccountResource {

    @Inject
    UserDirectory directory;

    @Inject
    UserAccounts accounts;

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "Read my account")
    @APIResponse(responseCode = "200", description = "The caller's profile",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or a token without a user")
    public UserResponse read() {
        return UserResponse.of(caller());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit my profile",
            description = "Replaces the caller's profile (an absent field is cleared): names, email, the standard"
                    + " claims of OpenID Connect Core 5.1 (picture, website, gender, birthdate, zoneinfo, locale,"
                    + " phone number, address). A new email or phone number is unverified; roles stay as they are.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AccountUpdateRequest.class)))
    @APIResponse(responseCode = "200", description = "The caller's updated profile",
            content = @Content(schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid; the detail names it",
            content = @Content(mediaType = UsersResource.PROBLEM))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or a token without a user")
    @APIResponse(responseCode = "409", description = "The email is taken",
            content = @Content(mediaType = UsersResource.PROBLEM))
    public UserResponse update(AccountUpdateRequest body) {
        UserView caller = caller();
        return UserResponse.of(accounts.updateOwnProfile(caller.id(), UserRequests.ownUpdate(body)));
    }

    private UserView caller() {
        return userId(token.getSubject()).flatMap(directory::findById)
                .filter(UserView::isActive)
                .orElseThrow(() -> new NotAuthorizedException("Bearer error=\"invalid_token\""));
    }

    /** A user's token has the user's id as subject; a client's token has its client id, which is no UUID. */
    private static Optional<UUID> userId(String subject) {
        try {
            return Optional.of(UUID.fromString(subject));
        } catch (IllegalArgumentException | NullPointerException notAUser) {
            return Optional.empty();
        }
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.internal.client.ClientLookup;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.consent.ConsentService;
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
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The signed-in user's consents to third-party clients: list them, and revoke one — which also
 * revokes that client's refresh tokens of this user and the access tokens issued with them. The
 * container demands an authenticated caller on {@code /api/*} (web.xml); the caller is the token's
 * subject, so a user only ever sees and revokes their own consents. A token that names no user (a
 * client's) is refused like a missing one.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 */
@RequestScoped
@Path("/api/v1/account/consents")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Account", description = "The signed-in user's own account")
@SecurityRequirement(name = "bearer")
public class AccountConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    ClientLookup clients;

    @Inject
    JsonWebToken token;

    Clock clock = Clock.systemUTC();

    @GET
    @Operation(summary = "List my consents", description = "The third-party clients I allowed, by client id, "
            + "with the scopes granted and when.")
    @APIResponse(responseCode = "200", description = "The caller's consents",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ConsentResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or a token without a user")
    public List<ConsentResponse> list() {
        return consents.ofUser(caller()).stream()
                .map(consent -> ConsentResponse.of(consent,
                        clients.find(consent.clientId()).map(RegisteredClient::name).orElse(null)))
                .toList();
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Revoke my consent to a client", description = "The client's refresh tokens of mine "
            + "are revoked with it, and the access tokens issued with them; its next request asks me again.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "No valid bearer token, or a token without a user")
    @APIResponse(responseCode = "404", description = "I have no consent to this client")
    public Response revoke(@PathParam("clientId") String clientId) {
        if (!consents.revoke(caller(), clientId, clock.instant())) {
            throw Problems.notFound("No consent to client '" + clientId + "'");
        }
        return Response.noContent().build();
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

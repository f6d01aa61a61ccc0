package dev.latchkey.oauth.internal.web;

import dev.latchkey.kernel.api.ServerSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.registration.Registration;
import dev.latchkey.oauth.internal.registration.RegistrationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The client registration endpoint (RFC 7591) and client configuration endpoint (RFC 7592).
 * Errors are RFC 7591 §3.2.2 / RFC 6750 §3.1 JSON; every response is {@code no-store}. When
 * {@code latchkey.oauth.registration=off} these paths do not exist (404).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-2">RFC 7592 §2</a>
 */
@Path(RegistrationResource.PATH)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Registration", description = "OAuth dynamic client registration (RFC 7591, RFC 7592)")
public class RegistrationResource {

    static final String PATH = "/register";

    private RegistrationService registrations;
    private RegistrationSettings settings;
    private ServerSettings server;

    @Inject
    public RegistrationResource(RegistrationService registrations, RegistrationSettings settings,
                                ServerSettings server) {
        this.registrations = registrations;
        this.settings = settings;
        this.server = server;
    }

    /** For CDI's client proxy only. */
    protected RegistrationResource() {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Register a client (RFC 7591)", description = "JSON client metadata in; the client "
            + "information out, with client_secret (for secret-based authentication) and the registration access "
            + "token, shown only here. With registration=token an initial access token is the Bearer credential.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "invalid_client_metadata or invalid_redirect_uri")
    @APIResponse(responseCode = "401", description = "The initial access token is missing, invalid or used up")
    @APIResponse(responseCode = "404", description = "Registration is off")
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        enabled();
        Registration registration = registrations.register(body, authorization);
        return answer(Response.status(Response.Status.CREATED), registration);
    }

    @GET
    @Path("{clientId}")
    @Operation(summary = "Read a registration (RFC 7592)", description = "Bearer: the registration access token.")
    @APIResponse(responseCode = "200", description = "The client information, without the secret")
    @APIResponse(responseCode = "401", description = "The token is missing or not this client's")
    public Response read(@PathParam("clientId") String clientId,
                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        enabled();
        return answer(Response.ok(), registrations.read(clientId, authorization));
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Replace a registration (RFC 7592)", description = "The body is the complete metadata "
            + "with client_id; omitted fields take their defaults. The response carries a new registration access "
            + "token; the old one stops working.")
    @APIResponse(responseCode = "200", description = "The updated client information")
    @APIResponse(responseCode = "400", description = "invalid_client_metadata or invalid_redirect_uri")
    @APIResponse(responseCode = "401", description = "The token is missing or not this client's")
    public Response update(@PathParam("clientId") String clientId,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        enabled();
        return answer(Response.ok(), registrations.update(clientId, authorization, body));
    }

    @DELETE
    @Path("{clientId}")
    @Operation(summary = "Delete a registration (RFC 7592)", description = "The client, its refresh tokens and "
            + "its registration access token are gone.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "The token is missing or not this client's")
    public Response delete(@PathParam("clientId") String clientId,
                           @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        enabled();
        registrations.delete(clientId, authorization);
        return NoStore.of(Response.noContent()).build();
    }

    private void enabled() {
        if (settings.mode() == RegistrationSettings.Mode.OFF) {
            throw new NotFoundException();
        }
    }

    private Response answer(Response.ResponseBuilder response, Registration registration) {
        // client ids are URL-safe by validation, so they go into the path as they are
        String uri = server.issuer() + PATH + "/" + registration.client().client().clientId();
        return NoStore.of(response.type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ClientInformationResponse.of(registration, uri))).build();
    }
}

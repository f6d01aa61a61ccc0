package dev.latchkey.oauth.internal.web;

import com.nimbusds.jose.JWSAlgorithm;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The admin API of the signing keys: list them, rotate them. Shows no key material. Errors are
 * RFC 9457 problems.
 */
@Path(KeyAdminResource.PATH)
@ApplicationScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signing keys", description = "The keys that sign access and ID tokens, per algorithm (admin)")
public class KeyAdminResource {

    static final String PATH = "/api/v1/admin/keys";

    private SigningKeys keys;

    @Inject
    public KeyAdminResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** For CDI's client proxy only. */
    protected KeyAdminResource() {
    }

    @GET
    @Operation(summary = "List the signing keys", description = "Next keys (published, not yet signing), the "
            + "active key of each algorithm, and retired keys still verifying; no key material.")
    @APIResponse(responseCode = "200", description = "The signing keys")
    public Response list() {
        // this node's view: another node's rotation shows once this node reloads
        return noStore(keys.keys());
    }

    @POST
    @Path("rotate")
    @Operation(summary = "Rotate the signing keys", description = "For each algorithm asked for: the next key, "
            + "published since the previous rotation, starts signing; the active key is retired and keeps "
            + "verifying until the tokens it signed have expired; a new next key is published.")
    @APIResponse(responseCode = "200", description = "The signing keys after the rotation")
    @APIResponse(responseCode = "400", description = "alg is not ES256, RS256, PS256 or EdDSA")
    public Response rotate(@Parameter(description = "ES256, RS256, PS256 or EdDSA; all four when absent")
                           @QueryParam("alg") String alg) {
        return noStore(keys.rotate(algorithms(alg)));
    }

    static List<JWSAlgorithm> algorithms(String alg) {
        if (alg == null || alg.isEmpty()) {
            return SigningKeys.ALGORITHMS;
        }
        return SigningKeys.ALGORITHMS.stream().filter(algorithm -> algorithm.getName().equals(alg)).findFirst()
                .map(List::of)
                .orElseThrow(() -> Problems.validation("alg must be one of " + String.join(", ",
                        SigningKeys.ALGORITHMS.stream().map(JWSAlgorithm::getName).toList())));
    }

    private static Response noStore(List<SigningKeys.KeyView> view) {
        return Response.ok(new KeyListResponse(view.stream().map(KeyResponse::of).toList()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}

package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.keys.SigningKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The JWK set of the public signing keys, from memory. Cached by clients for five minutes.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7517#section-5">RFC 7517 §5</a>
 */
@Path("/jwks")
@ApplicationScoped
public class JwksResource {

    /** As long as a next key is published before it signs (SigningKeys.PUBLISHED_BEFORE_SIGNING). */
    static final String CACHE = "public, max-age=" + SigningKeys.PUBLISHED_BEFORE_SIGNING.toSeconds();

    private SigningKeys keys;

    @Inject
    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    /** For CDI's client proxy only. */
    protected JwksResource() {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        // JWKSet.toString() serializes public keys only
        return Response.ok(keys.publicKeys().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }
}

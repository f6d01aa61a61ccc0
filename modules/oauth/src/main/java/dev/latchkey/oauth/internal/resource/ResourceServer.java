package dev.latchkey.oauth.internal.resource;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A resource server: the identifier access tokens for it carry as {@code aud}, a display name,
 * and the scopes it defines. Latchkey's own REST API is one too ({@link #latchkeyApi}); it defines
 * no scopes of its own (it authorizes by role) and accepts the standard OpenID scopes.
 */
public record ResourceServer(String identifier, String name, Set<String> scopes) {

    /** The display name of Latchkey's own REST API as a resource server. */
    public static final String LATCHKEY_API_NAME = "Latchkey REST API";

    public ResourceServer {
        scopes = Collections.unmodifiableSet(new TreeSet<>(scopes));
    }

    /** Latchkey's own REST API, whose identifier is the issuer (what MicroProfile JWT verifies as aud). */
    public static ResourceServer latchkeyApi(String issuer) {
        return new ResourceServer(issuer, LATCHKEY_API_NAME, Set.of());
    }

    /**
     * Whether a client with these registered scopes may ask for tokens for this resource server:
     * it must be allowed at least one of the scopes the server defines. Latchkey's own API,
     * which defines none, is open to every client, as it always was.
     */
    public boolean admits(Collection<String> clientScopes) {
        return scopes.isEmpty() || clientScopes.stream().anyMatch(scopes::contains);
    }
}

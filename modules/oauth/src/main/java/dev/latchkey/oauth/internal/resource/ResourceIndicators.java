package dev.latchkey.oauth.internal.resource;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 8707 resource indicators: checks the {@code resource} parameters of an authorization or
 * token request against the resource servers and the client, and turns them into the
 * {@link AccessTokenAudience} of the access token. Every refusal is {@code invalid_target}:
 * a value that is not an absolute URI without fragment, more than {@value #MAX_RESOURCES}
 * values, a resource server nobody registered, one the client may not use (it is allowed none
 * of the scopes the server defines), or, at the token endpoint, one outside what the
 * authorization request named.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
@ApplicationScoped
public class ResourceIndicators {

    public static final String RESOURCE = "resource";
    static final int MAX_RESOURCES = 10;

    private ResourceServerCatalog catalog;

    @Inject
    public ResourceIndicators(ResourceServerCatalog catalog) {
        this.catalog = catalog;
    }

    /** For CDI's client proxy only. */
    protected ResourceIndicators() {
    }

    /**
     * The resources of an authorization request (or a token request without a grant to narrow),
     * each registered and usable by the client, in request order without repeats; empty when the
     * request named none.
     */
    public List<String> permitted(RegisteredClient client, List<String> values) {
        List<String> resources = wellFormed(values);
        for (String resource : resources) {
            ResourceServer target = catalog.find(resource)
                    .orElseThrow(() -> OAuthException.invalidTarget("The resource " + resource + " is not registered"));
            if (!target.admits(client.scopes())) {
                throw OAuthException.invalidTarget("This client may not request tokens for " + resource);
            }
        }
        return resources;
    }

    /**
     * The audience of an access token issued at the token endpoint. {@code authorized} are the
     * resources the grant (code or refresh token) was authorized for: the request may name fewer
     * of them, never others (RFC 8707 §2.2), and without {@code resource} the token is for all of
     * them. A grant authorized without resources may be narrowed to any resource the client may
     * use, since the scope only ever narrows.
     */
    public AccessTokenAudience audience(RegisteredClient client, List<String> values, List<String> authorized) {
        List<String> requested = permitted(client, values);
        if (!authorized.isEmpty()) {
            for (String resource : requested) {
                if (!authorized.contains(resource)) {
                    throw OAuthException.invalidTarget("The resource " + resource + " was not authorized for this grant");
                }
            }
        }
        List<String> resources = requested.isEmpty() ? authorized : requested;
        if (resources.isEmpty()) {
            return AccessTokenAudience.DEFAULT;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String resource : resources) {
            ResourceServer target = catalog.find(resource)
                    .orElseThrow(() -> OAuthException.invalidTarget("The resource " + resource + " is no longer registered"));
            scopes.addAll(target.scopes());
            if (target.identifier().equals(catalog.latchkeyApi().identifier())) {
                // the OpenID scopes are for Latchkey's own endpoints (userinfo)
                scopes.addAll(Scope.STANDARD);
            }
        }
        return new AccessTokenAudience(resources, scopes);
    }

    private static List<String> wellFormed(List<String> values) {
        if (values.size() > MAX_RESOURCES) {
            throw OAuthException.invalidTarget("At most " + MAX_RESOURCES + " resource parameters are accepted");
        }
        Set<String> resources = new LinkedHashSet<>();
        for (String value : values) {
            ResourceIdentifiers.problem(value).ifPresent(problem -> {
                throw OAuthException.invalidTarget("resource: " + problem);
            });
            resources.add(value);
        }
        return new ArrayList<>(resources);
    }
}

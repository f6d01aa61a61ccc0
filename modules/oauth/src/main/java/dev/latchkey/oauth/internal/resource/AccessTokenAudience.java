package dev.latchkey.oauth.internal.resource;

import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Set;

/**
 * Whom an access token is for: the resource servers a request named with RFC 8707
 * {@code resource} parameters (its {@code aud}) and the scopes they accept, to which the token's
 * scope is narrowed. {@link #DEFAULT} (no {@code resource}) keeps the configured audience and the
 * whole granted scope.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2.2">RFC 8707 §2.2</a>
 */
public record AccessTokenAudience(List<String> resources, Set<String> scopes) {

    public static final AccessTokenAudience DEFAULT = new AccessTokenAudience(List.of(), Set.of());

    public AccessTokenAudience {
        resources = List.copyOf(resources);
        scopes = Set.copyOf(scopes);
    }

    /** True when no {@code resource} was named: the token has the configured audience. */
    public boolean isDefault() {
        return resources.isEmpty();
    }

    /** The part of {@code granted} the named resource servers accept; all of it by default. */
    public Scope narrow(Scope granted) {
        return isDefault() ? granted : granted.retain(scopes);
    }
}

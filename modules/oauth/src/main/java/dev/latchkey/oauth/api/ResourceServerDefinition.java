package dev.latchkey.oauth.api;

import java.util.Set;

/**
 * A resource server as an operator describes it (the declarative import): its identifier, the
 * absolute URI that access tokens for it carry as {@code aud} and that clients name in the RFC 8707
 * {@code resource} parameter; a display name; and the scopes it defines (such as
 * {@code orders:read}).
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc8707#section-2">RFC 8707 §2</a>
 */
public record ResourceServerDefinition(String resource, String name, Set<String> scopes) {

    public ResourceServerDefinition {
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}

package dev.latchkey.oauth.internal.resource;

import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.api.ResourceServerDefinition;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.Set;

/**
 * Checks a resource server's definition: an RFC 8707 identifier other than the issuer (which
 * names Latchkey's own API), a name, and one to {@value #MAX_SCOPES} scopes of RFC 6749 §3.3's
 * characters that are not the standard OpenID scopes. Throws a validation problem naming the
 * first bad field.
 */
final class ResourceServerValidator {

    static final int MAX_SCOPES = 100;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_SCOPE_LENGTH = 255;

    private ResourceServerValidator() {
    }

    static ResourceServer validate(ResourceServerDefinition definition, String issuer) {
        ResourceIdentifiers.problem(definition.resource()).ifPresent(problem -> {
            throw Problems.validation("resource: " + problem);
        });
        if (definition.resource().equals(issuer)) {
            throw Problems.validation("resource: the issuer names Latchkey's own API and cannot be registered");
        }
        String name = definition.name() == null || definition.name().isBlank() ? definition.resource() : definition.name();
        if (name.length() > MAX_NAME_LENGTH) {
            throw Problems.validation("name: longer than " + MAX_NAME_LENGTH + " characters");
        }
        Set<String> scopes = definition.scopes();
        if (scopes.isEmpty() || scopes.size() > MAX_SCOPES) {
            throw Problems.validation("scopes: a resource server defines 1 to " + MAX_SCOPES + " scopes");
        }
        for (String scope : scopes) {
            checkScope(scope);
        }
        return new ResourceServer(definition.resource(), name, scopes);
    }

    private static void checkScope(String scope) {
        if (scope == null || scope.length() > MAX_SCOPE_LENGTH) {
            throw Problems.validation("scopes: each scope is 1 to " + MAX_SCOPE_LENGTH + " characters");
        }
        try {
            if (Scope.parse(scope).values().size() != 1) {
                throw Problems.validation("scopes: '" + scope + "' is not one scope token");
            }
        } catch (OAuthException malformed) {
            throw Problems.validation("scopes: '" + scope + "' has a character RFC 6749 section 3.3 does not allow");
        }
        if (Scope.STANDARD.contains(scope)) {
            throw Problems.validation("scopes: " + scope + " is an OpenID scope, not one a resource server defines");
        }
    }
}

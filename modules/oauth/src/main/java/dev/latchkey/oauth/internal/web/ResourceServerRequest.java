package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.api.ResourceServerDefinition;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A resource server as the admin API receives it, with the field names of RFC 9728's protected
 * resource metadata: {@code resource} (the identifier tokens carry as {@code aud}),
 * {@code resource_name} and {@code scopes_supported}.
 */
public record ResourceServerRequest(@JsonbProperty("resource") String resource,
                                    @JsonbProperty("resource_name") String resourceName,
                                    @JsonbProperty("scopes_supported") List<String> scopesSupported) {

    ResourceServerDefinition toDefinition() {
        return new ResourceServerDefinition(resource, resourceName,
                scopesSupported == null ? null : new LinkedHashSet<>(scopesSupported));
    }
}

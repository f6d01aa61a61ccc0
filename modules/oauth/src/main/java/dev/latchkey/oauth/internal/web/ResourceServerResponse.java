package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.resource.StoredResourceServer;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/** A registered resource server as the admin API shows it; {@code id} names it in the API's paths. */
@JsonbPropertyOrder({"id", "resource", "resourceName", "scopesSupported", "createdAt", "updatedAt"})
public record ResourceServerResponse(@JsonbProperty("id") String id,
                                     @JsonbProperty("resource") String resource,
                                     @JsonbProperty("resource_name") String resourceName,
                                     @JsonbProperty("scopes_supported") List<String> scopesSupported,
                                     @JsonbProperty("created_at") Instant createdAt,
                                     @JsonbProperty("updated_at") Instant updatedAt) {

    static ResourceServerResponse of(StoredResourceServer stored) {
        return new ResourceServerResponse(stored.id().toString(), stored.server().identifier(), stored.server().name(),
                List.copyOf(stored.server().scopes()), stored.createdAt(), stored.updatedAt());
    }
}

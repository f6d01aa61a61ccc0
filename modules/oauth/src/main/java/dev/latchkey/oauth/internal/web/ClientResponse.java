package dev.latchkey.oauth.internal.web;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.client.StoredClient;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A client as the admin API shows it; {@code client_secret} only in the response that created
 * or rotated it, never again.
 */
@JsonbPropertyOrder({"clientId", "clientName", "clientType", "clientSecret", "redirectUris", "grantTypes",
        "scope", "firstParty", "createdAt", "updatedAt"})
public record ClientResponse(@JsonbProperty("client_id") String clientId,
                             @JsonbProperty("client_name") String clientName,
                             @JsonbProperty("client_type") String clientType,
                             @JsonbProperty("client_secret") String clientSecret,
                             @JsonbProperty("redirect_uris") List<String> redirectUris,
                             @JsonbProperty("grant_types") List<String> grantTypes,
                             @JsonbProperty("scope") String scope,
                             @JsonbProperty("first_party") boolean firstParty,
                             @JsonbProperty("created_at") Instant createdAt,
                             @JsonbProperty("updated_at") Instant updatedAt) {

    static ClientResponse of(StoredClient stored, String secret) {
        RegisteredClient client = stored.client();
        return new ClientResponse(client.clientId(), client.name(), client.type().name().toLowerCase(Locale.ROOT),
                secret, client.redirectUris(), client.grantTypes().stream().sorted().toList(),
                String.join(" ", client.scopes().stream().sorted().toList()), client.firstParty(), stored.createdAt(),
                stored.updatedAt());
    }
}

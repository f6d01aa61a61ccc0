package dev.latchkey.oauth.internal.resource;

import java.time.Instant;
import java.util.UUID;

/** A registered resource server with its row id (used in the admin API's paths) and timestamps. */
public record StoredResourceServer(UUID id, ResourceServer server, Instant createdAt, Instant updatedAt) {
}

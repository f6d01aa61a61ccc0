package dev.latchkey.oauth.internal.client;

import java.time.Instant;
import java.util.UUID;

/** A client as it is stored: its row id and timestamps around the protocol view. */
public record StoredClient(UUID id, RegisteredClient client, Instant createdAt, Instant updatedAt) {
}

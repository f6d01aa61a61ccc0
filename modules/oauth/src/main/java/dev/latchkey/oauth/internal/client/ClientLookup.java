package dev.latchkey.oauth.internal.client;

import java.util.Optional;

/** Finds registered clients by client id, from an in-memory cache in front of the database. */
public interface ClientLookup {

    Optional<RegisteredClient> find(String clientId);
}

package dev.latchkey.oauth.internal.client;

import java.util.List;
import java.util.Optional;

/** The stored clients ({@code oauth_client}); called inside the caller's transaction. */
public interface Clients {

    Optional<StoredClient> find(String clientId);

    /** A page of clients ordered by client id. */
    List<StoredClient> list(int offset, int limit);

    long count();

    void insert(StoredClient client);

    /** Replaces the stored state of the client with this client id. */
    void update(StoredClient client);

    void delete(String clientId);
}

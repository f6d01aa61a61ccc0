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

    /**
     * The SHA-256 of the registration access token of a dynamically registered client (RFC 7592);
     * empty for an unknown client and for clients an admin or the import made.
     */
    Optional<String> registrationTokenHash(String clientId);

    /** Replaces the client's registration access token hash; the client must exist. */
    void updateRegistrationTokenHash(String clientId, String tokenHash);
}

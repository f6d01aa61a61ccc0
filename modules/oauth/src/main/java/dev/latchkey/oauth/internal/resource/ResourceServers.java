package dev.latchkey.oauth.internal.resource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered resource servers ({@code oauth_resource_server}); called inside the caller's transaction. */
public interface ResourceServers {

    Optional<StoredResourceServer> find(UUID id);

    Optional<StoredResourceServer> findByIdentifier(String identifier);

    /** A page of resource servers ordered by identifier. */
    List<StoredResourceServer> list(int offset, int limit);

    /** Every resource server, for the in-memory catalog. */
    List<ResourceServer> all();

    long count();

    void insert(StoredResourceServer server);

    /** Replaces the stored state of the resource server with this row id. */
    void update(StoredResourceServer server);

    void delete(UUID id);
}

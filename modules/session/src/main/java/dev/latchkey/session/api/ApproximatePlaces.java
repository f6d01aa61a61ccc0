package dev.latchkey.session.api;

import java.util.Optional;

/**
 * The approximate place of a session's IP address, when the operator configured an IP database
 * ({@code latchkey.session.ip-locations}). Private, loopback and link-local addresses have no
 * place.
 */
public interface ApproximatePlaces {

    /** True when an IP database is configured and could be read: pages show a place column only then. */
    boolean available();

    /** Where the address roughly is; empty without a database, for a private address or one the database does not know. */
    Optional<ApproximatePlace> of(String ipAddress);
}

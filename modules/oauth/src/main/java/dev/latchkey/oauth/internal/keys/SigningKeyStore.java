package dev.latchkey.oauth.internal.keys;

import java.util.List;

/** The stored signing keys ({@code oauth_signing_key}). */
public interface SigningKeyStore {

    /** Every key whose status is {@link StoredSigningKey#ACTIVE}. */
    List<StoredSigningKey> findActive();

    /**
     * Stores an active key in its own transaction. Throws when an active key of the same
     * algorithm exists (a unique constraint), which is how two nodes starting together on an
     * empty table end with one key per algorithm.
     */
    void insertActive(StoredSigningKey key);
}

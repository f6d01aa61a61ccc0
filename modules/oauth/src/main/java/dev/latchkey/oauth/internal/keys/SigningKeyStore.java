package dev.latchkey.oauth.internal.keys;

import java.time.Instant;
import java.util.List;

/** The stored signing keys ({@code oauth_signing_key}). */
public interface SigningKeyStore {

    /** Every key whose status is {@link StoredSigningKey#ACTIVE}. */
    List<StoredSigningKey> findActive();

    /** Every stored key, whatever its status, oldest first. */
    List<StoredSigningKey> findAll();

    /**
     * Stores an active key in its own transaction. Throws when an active key of the same
     * algorithm exists (a unique constraint), which is how two nodes starting together on an
     * empty table end with one key per algorithm.
     */
    void insertActive(StoredSigningKey key);

    /** Stores a {@link StoredSigningKey#NEXT} key in its own transaction. */
    void insertNext(StoredSigningKey key);

    /**
     * One rotation of an algorithm, in one transaction: the active key {@code activeKid} becomes
     * retired at {@code now}, the next key {@code nextKid} becomes active at {@code now}, and
     * {@code newNext} (when not null) is stored as the next key. The retirement is conditional on
     * {@code activeKid} still being active: when another node rotated first, nothing changes and
     * the answer is false. Retired keys retired before {@code deleteRetiredBefore} are deleted.
     */
    boolean rotate(String alg, String activeKid, String nextKid, StoredSigningKey newNext, Instant now,
                   Instant deleteRetiredBefore);
}

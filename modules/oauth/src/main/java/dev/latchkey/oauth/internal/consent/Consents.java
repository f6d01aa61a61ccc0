package dev.latchkey.oauth.internal.consent;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored consents ({@code oauth_consent}), one per user and client; called inside the caller's transaction. */
public interface Consents {

    Optional<Consent> find(UUID userId, String clientId);

    /** Inserts the consent, or replaces the one of the same user and client. */
    void save(Consent consent);

    /** A user's consents, oldest client id first. */
    List<Consent> ofUser(UUID userId);

    /** Deletes a user's consent to a client; false when there was none. */
    boolean delete(UUID userId, String clientId);

    /** Deletes every consent of a user; returns how many. */
    int deleteUser(UUID userId);

    /** Deletes every consent given to a client; returns how many. */
    int deleteClient(String clientId);
}

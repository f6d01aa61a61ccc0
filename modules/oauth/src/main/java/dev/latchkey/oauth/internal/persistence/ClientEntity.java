package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A row of {@code oauth_client}; lists are stored space-separated, the other metadata as JSON. */
@Entity
@Table(name = "oauth_client")
public class ClientEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "client_id", nullable = false, unique = true)
    String clientId;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "type", nullable = false, length = 16)
    String type;

    @Column(name = "secret_hash", length = 128)
    String secretHash;

    @Column(name = "secret_sealed", length = 1000)
    String secretSealed;

    @Column(name = "redirect_uris", nullable = false, length = 4000)
    String redirectUris;

    @Column(name = "grant_types", nullable = false, length = 1000)
    String grantTypes;

    @Column(name = "scopes", nullable = false, length = 2000)
    String scopes;

    @Column(name = "first_party", nullable = false)
    boolean firstParty;

    @Column(name = "metadata", length = 32000)
    String metadata;

    /** Written only by the registration methods, so an update of the client keeps it. */
    @Column(name = "registration_token_hash", length = 64)
    String registrationTokenHash;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    int version;
}

package dev.latchkey.oauth.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A row of {@code oauth_resource_server}; the scopes are stored space-separated. */
@Entity
@Table(name = "oauth_resource_server")
public class ResourceServerEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "identifier", nullable = false, unique = true, length = 2048)
    String identifier;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "scopes", nullable = false, length = 4000)
    String scopes;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    int version;
}

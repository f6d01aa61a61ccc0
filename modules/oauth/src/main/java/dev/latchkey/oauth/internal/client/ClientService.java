package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientRegistry;
import dev.latchkey.oauth.events.ClientChanged;
import dev.latchkey.oauth.events.ClientChanged.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates, changes, lists and deletes clients (the admin API and the declarative import). Each
 * change publishes {@link ClientChanged} inside its transaction: the cache drops the client after
 * the commit, and deleting a client revokes its refresh tokens in the same transaction.
 */
@ApplicationScoped
@Transactional
public class ClientService implements ClientRegistry {

    static final int MAX_PAGE_SIZE = 100;

    private Clients clients;
    private Event<ClientChanged> changed;
    private SealedClientSecrets sealed;
    private Clock clock;

    @Inject
    public ClientService(Clients clients, Event<ClientChanged> changed, SealedClientSecrets sealed) {
        this(clients, changed, sealed, Clock.systemUTC());
    }

    public ClientService(Clients clients, Event<ClientChanged> changed, SealedClientSecrets sealed, Clock clock) {
        this.clients = clients;
        this.changed = changed;
        this.sealed = sealed;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ClientService() {
    }

    @Override
    public String upsert(ClientDefinition definition) {
        RegisteredClient validated = ClientValidator.validate(definition);
        return clients.find(validated.clientId()).isPresent()
                ? replace(validated.clientId(), definition, true).secret()
                : create(definition).secret();
    }

    /**
     * Creates a client; 409 when the client id is taken. A client without a client id gets a
     * UUID; a confidential client without a secret gets a generated one.
     */
    public SavedClient create(ClientDefinition given) {
        ClientDefinition definition = given.clientId() != null ? given : given.withClientId(Ids.newId().toString());
        RegisteredClient validated = ClientValidator.validate(definition);
        if (clients.find(validated.clientId()).isPresent()) {
            throw Problems.conflict("A client with client_id '" + validated.clientId() + "' exists");
        }
        String secret = !validated.usesSecret() ? null
                : definition.secret() != null ? definition.secret() : ClientSecrets.generate();
        Instant now = clock.instant();
        StoredClient stored = new StoredClient(Ids.newId(), withSecret(validated, secret), now, now);
        clients.insert(stored);
        changed.fire(ClientChanged.now(validated.clientId(), Change.CREATED));
        return new SavedClient(stored, definition.secret() == null ? secret : null);
    }

    public Optional<StoredClient> find(String clientId) {
        return clients.find(clientId);
    }

    /** Page {@code page} (from 0) of {@code size} (1 to 100) clients. */
    public ClientPage list(int page, int size) {
        if (page < 0) {
            throw Problems.validation("page must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.validation("size must be 1 to " + MAX_PAGE_SIZE);
        }
        return new ClientPage(clients.list(Math.multiplyExact(page, size), size), page, size, clients.count());
    }

    /**
     * Brings a client to the definition, keeping its secret. A client that starts to authenticate
     * with a secret gets a new one (returned once); one that stops loses its secret. 404 when absent.
     * {@code secret} of the definition must be null: a new secret comes from {@link #rotateSecret}.
     */
    public SavedClient update(String clientId, ClientDefinition definition) {
        if (definition.secret() != null) {
            throw Problems.validation("client_secret cannot be set by an update; rotate it with POST .../secret");
        }
        if (!clientId.equals(definition.clientId())) {
            throw Problems.validation("client_id cannot be changed");
        }
        return replace(clientId, definition, false);
    }

    private SavedClient replace(String clientId, ClientDefinition definition, boolean secretMayBeSet) {
        RegisteredClient validated = ClientValidator.validate(definition);
        StoredClient current = existing(clientId);
        RegisteredClient kept = current.client();
        String newSecret = null;
        RegisteredClient client;
        if (!validated.usesSecret()) {
            client = validated.withSecret(null, null);
        } else if (secretMayBeSet && definition.secret() != null
                && !alreadyHolds(kept, validated, definition.secret())) {
            client = withSecret(validated, definition.secret());
        } else if (kept.secretHash() == null || validated.usesSecretJwt() && kept.sealedSecret() == null) {
            // no secret yet, or only its hash where client_secret_jwt needs the secret itself
            newSecret = ClientSecrets.generate();
            client = withSecret(validated, newSecret);
        } else {
            client = validated.withSecret(kept.secretHash(), validated.usesSecretJwt() ? kept.sealedSecret() : null);
        }
        if (client.equals(current.client())) {
            // the same state again (an import at every start): nothing to write, nothing to announce
            return new SavedClient(current, null);
        }
        StoredClient stored = new StoredClient(current.id(), client, current.createdAt(), clock.instant());
        clients.update(stored);
        changed.fire(ClientChanged.now(clientId, Change.UPDATED));
        return new SavedClient(stored, newSecret);
    }

    /** Deletes a client; its refresh tokens are revoked in the same transaction. 404 when absent. */
    public void delete(String clientId) {
        existing(clientId);
        clients.delete(clientId);
        changed.fire(ClientChanged.now(clientId, Change.DELETED));
    }

    /** Gives a confidential client a new generated secret and returns it; the old one stops working. */
    public SavedClient rotateSecret(String clientId) {
        StoredClient current = existing(clientId);
        if (!current.client().usesSecret()) {
            throw Problems.validation("This client has no secret (it authenticates with "
                    + current.client().metadata().tokenEndpointAuthMethod() + ")");
        }
        String secret = ClientSecrets.generate();
        StoredClient stored = new StoredClient(current.id(), withSecret(current.client(), secret),
                current.createdAt(), clock.instant());
        clients.update(stored);
        changed.fire(ClientChanged.now(clientId, Change.SECRET_ROTATED));
        return new SavedClient(stored, secret);
    }

    private StoredClient existing(String clientId) {
        return clients.find(clientId).orElseThrow(() -> Problems.notFound("No client with client_id '" + clientId + "'"));
    }

    /**
     * Whether {@code kept} holds {@code secret} in every form {@code wanted} needs (sealing it anew
     * would change the row at every import).
     */
    private static boolean alreadyHolds(RegisteredClient kept, RegisteredClient wanted, String secret) {
        return ClientSecrets.matches(secret, kept.secretHash())
                && (!wanted.usesSecretJwt() || kept.sealedSecret() != null);
    }

    /** The client with {@code secret}: its hash, and its sealed form for a client_secret_jwt client. */
    private RegisteredClient withSecret(RegisteredClient client, String secret) {
        if (secret == null) {
            return client.withSecret(null, null);
        }
        return client.withSecret(ClientSecrets.hash(secret),
                client.usesSecretJwt() ? sealed.seal(client.clientId(), secret) : null);
    }
}

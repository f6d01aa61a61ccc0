package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.api.ClientType;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import dev.latchkey.oauth.internal.config.ClientMetadataDocumentSettings;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Clients whose {@code client_id} is the https URL of their Client ID Metadata Document, when
 * {@code latchkey.oauth.client-metadata-documents.enabled}: the document is fetched
 * ({@link MetadataDocumentFetcher}) and must name that URL as its {@code client_id} and describe a
 * public client ({@code token_endpoint_auth_method} {@code none} or absent, no
 * {@code client_secret}); its other fields are read as a dynamic registration's and checked by
 * the same client rules. Such a client is third-party. A resolved client (or the failure) is kept
 * in its own cache for as long as the document's {@code Cache-Control} allows, apart from the
 * stored clients' cache.
 *
 * @see <a href="https://datatracker.ietf.org/doc/draft-ietf-oauth-client-id-metadata-document/">draft-ietf-oauth-client-id-metadata-document</a>
 */
@ApplicationScoped
public class MetadataDocumentClients {

    static final int MAX_ENTRIES = 1_000;
    /** A stand-in id while the client rules check the document (they allow no URL as client id). */
    private static final String PLACEHOLDER_ID = "client-id-metadata-document";
    private static final Logger LOG = Logger.getLogger(MetadataDocumentClients.class.getName());

    private final ExpiringCache<String, Optional<RegisteredClient>> entries = new ExpiringCache<>(MAX_ENTRIES);
    private ClientMetadataDocumentSettings settings;
    private RegistrationSettings registration;
    private MetadataDocumentFetcher fetcher;
    private Clock clock;

    @Inject
    public MetadataDocumentClients(ClientMetadataDocumentSettings settings, RegistrationSettings registration,
                                   MetadataDocumentFetcher fetcher) {
        this(settings, registration, fetcher, Clock.systemUTC());
    }

    public MetadataDocumentClients(ClientMetadataDocumentSettings settings, RegistrationSettings registration,
                                   MetadataDocumentFetcher fetcher, Clock clock) {
        this.settings = settings;
        this.registration = registration;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected MetadataDocumentClients() {
    }

    /** True when {@code clientId} is a URL, which only this class resolves. */
    public static boolean isUrl(String clientId) {
        return ClientIdUrl.isUrl(clientId);
    }

    /** The client the document at {@code clientId} describes; empty when off, invalid or unreachable. */
    public Optional<RegisteredClient> find(String clientId) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        Optional<URI> url = ClientIdUrl.parse(clientId, settings.devAllowHttpLoopback());
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Optional<RegisteredClient>> cached = entries.get(clientId, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        Optional<MetadataDocumentFetcher.Fetched> fetched = fetcher.fetch(url.get(), settings.devAllowHttpLoopback());
        Optional<RegisteredClient> client = fetched.flatMap(document -> client(url.get(), document.body()));
        // a failure is kept for the shortest time, so a bad URL is not fetched on every request
        entries.put(clientId, client, now.plus(fetched.map(MetadataDocumentFetcher.Fetched::maxAge)
                .orElse(MetadataDocumentFetcher.MIN_TTL)), now);
        return client;
    }

    /** The client a fetched document describes, when it is valid for {@code url}. */
    Optional<RegisteredClient> client(URI url, String body) {
        String clientId = url.toString();
        try {
            JsonObject document = RegistrationRequest.read(body);
            if (!(document.get("client_id") instanceof JsonString id) || !id.getString().equals(clientId)) {
                return refused(clientId, "its client_id is not its URL");
            }
            if (document.containsKey("client_secret") || document.containsKey("client_secret_expires_at")) {
                return refused(clientId, "it has a client_secret");
            }
            String method = document.getString("token_endpoint_auth_method", ClientMetadataValidator.NONE);
            if (!method.equals(ClientMetadataValidator.NONE)) {
                return refused(clientId, "token_endpoint_auth_method must be none");
            }
            JsonObject publicClient = Json.createObjectBuilder(document)
                    .add("token_endpoint_auth_method", ClientMetadataValidator.NONE).build();
            ClientDefinition definition = RegistrationRequest.definition(PLACEHOLDER_ID, publicClient,
                    registration.scopes());
            RegisteredClient checked = ClientValidator.validate(definition);
            String name = definition.name() == null || definition.name().isBlank() ? url.getHost() : checked.name();
            return Optional.of(new RegisteredClient(clientId, name, ClientType.PUBLIC, null, checked.redirectUris(),
                    checked.grantTypes(), checked.scopes(), false, checked.metadata()));
        } catch (OAuthException e) {
            return refused(clientId, e.getMessage());
        } catch (ProblemException e) {
            return refused(clientId, e.detail());
        }
    }

    private static Optional<RegisteredClient> refused(String clientId, String reason) {
        LOG.info(() -> "Client ID Metadata Document " + clientId + " refused: " + reason);
        return Optional.empty();
    }
}

package dev.latchkey.oauth.internal.clientkeys;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import dev.latchkey.oauth.api.ClientMetadata;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import dev.latchkey.oauth.internal.client.RegisteredClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the public keys a client registered: its {@code jwks} by value, or the JWK Set at its
 * {@code jwks_uri}, kept in memory for {@value #TTL_MINUTES} minutes. When no key of the set
 * fits a JWS header (a new {@code kid} after the client rotated its keys), the URI is fetched
 * again, at most once every {@value #REFRESH_SECONDS} seconds per URI, so forged headers cannot
 * make the server hammer the client's host; a failed fetch counts as an empty set for as long.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#RotateEncKeys">OIDC Core §10.1.1</a>
 */
@ApplicationScoped
public class ClientKeys {

    static final int TTL_MINUTES = 5;
    static final int REFRESH_SECONDS = 10;
    static final int MAX_URIS = 1_000;

    private record Fetched(JWKSet keys, Instant fetchedAt) {
    }

    private final ExpiringCache<String, Fetched> byUri = new ExpiringCache<>(MAX_URIS);
    private JwksFetcher fetcher;
    private Clock clock;

    @Inject
    public ClientKeys(JwksFetcher fetcher) {
        this(fetcher, Clock.systemUTC());
    }

    public ClientKeys(JwksFetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected ClientKeys() {
    }

    /**
     * The client's keys that may have signed a JWS with {@code header}: of the key type of its
     * algorithm, with its {@code kid} when it names one, for signing. Empty when the client has
     * no keys or none fits.
     */
    public List<JWK> candidates(RegisteredClient client, JWSHeader header) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        ClientMetadata metadata = client.metadata();
        if (metadata.jwks() != null) {
            return byValue(metadata.jwks()).map(selector::select).orElse(List.of());
        }
        if (metadata.jwksUri() == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Fetched cached = byUri.get(metadata.jwksUri(), now).orElse(null);
        if (cached != null) {
            List<JWK> found = selector.select(cached.keys());
            if (!found.isEmpty() || now.isBefore(cached.fetchedAt().plusSeconds(REFRESH_SECONDS))) {
                return found;
            }
        }
        return selector.select(fetch(metadata.jwksUri(), now).keys());
    }

    private Fetched fetch(String uri, Instant now) {
        JWKSet keys = fetcher.fetch(URI.create(uri)).orElseGet(() -> new JWKSet(List.of()));
        Fetched fetched = new Fetched(keys, now);
        Duration kept = keys.isEmpty() ? Duration.ofSeconds(REFRESH_SECONDS) : Duration.ofMinutes(TTL_MINUTES);
        byUri.put(uri, fetched, now.plus(kept), now);
        return fetched;
    }

    private static Optional<JWKSet> byValue(String jwks) {
        try {
            return Optional.of(JWKSet.parse(jwks).toPublicJWKSet());
        } catch (ParseException e) {
            // registration checks the document; a stored one that no longer parses has no keys
            return Optional.empty();
        }
    }
}

package dev.latchkey.oauth.internal.registration;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.Problems;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Issues, lists and deletes the initial access tokens that allow dynamic registrations when
 * {@code latchkey.oauth.registration=token}, as Keycloak's initial access tokens do: each has an
 * expiry and a number of registrations it allows; its value is shown once and stored as SHA-256.
 */
@ApplicationScoped
@Transactional
public class InitialAccessTokenService {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(1);
    static final Duration MAX_LIFETIME = Duration.ofDays(365);
    static final int MAX_REGISTRATIONS = 10_000;

    private InitialAccessTokens tokens;
    private Clock clock;

    @Inject
    public InitialAccessTokenService(InitialAccessTokens tokens) {
        this(tokens, Clock.systemUTC());
    }

    public InitialAccessTokenService(InitialAccessTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected InitialAccessTokenService() {
    }

    /**
     * A new token valid for {@code expiresInSeconds} (1 s to 365 days; null: one day) that allows
     * {@code registrations} registrations (1 to 10,000; null: one).
     */
    public IssuedInitialAccessToken issue(Long expiresInSeconds, Integer registrations) {
        Duration lifetime = expiresInSeconds == null ? DEFAULT_LIFETIME : Duration.ofSeconds(expiresInSeconds);
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw Problems.validation("expires_in must be 1 to " + MAX_LIFETIME.toSeconds() + " seconds");
        }
        int count = registrations == null ? 1 : registrations;
        if (count < 1 || count > MAX_REGISTRATIONS) {
            throw Problems.validation("registrations must be 1 to " + MAX_REGISTRATIONS);
        }
        Instant now = clock.instant();
        String value = SecureTokens.newToken();
        InitialAccessToken token = new InitialAccessToken(Ids.newId(), now, now.plus(lifetime), count);
        tokens.insert(token, SecureTokens.hash(value));
        return new IssuedInitialAccessToken(token, value);
    }

    public List<InitialAccessToken> list() {
        return tokens.list();
    }

    /** Deletes a token: the registrations it had left are no longer allowed. 404 when absent. */
    public void delete(UUID id) {
        if (!tokens.delete(id)) {
            throw Problems.notFound("No initial access token with id '" + id + "'");
        }
    }

    /** Uses one registration of the token; false when it is unknown, expired or used up. */
    boolean consume(String value) {
        return tokens.consume(SecureTokens.hash(value), clock.instant());
    }
}

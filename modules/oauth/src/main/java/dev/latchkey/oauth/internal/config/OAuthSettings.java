package dev.latchkey.oauth.internal.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The oauth module's settings, keys prefixed {@code latchkey.oauth.}; defaults in
 * {@code META-INF/microprofile-config.properties}, each key settable by its environment variable
 * ({@code latchkey.oauth.access-token-ttl} → {@code LATCHKEY_OAUTH_ACCESS_TOKEN_TTL}).
 * Durations are ISO-8601 ({@code PT5M}, {@code P30D}), like {@code latchkey.oauth.code-ttl}.
 */
@ApplicationScoped
public class OAuthSettings {

    /**
     * The longest access-token lifetime a client may be given ({@code access_token_lifetime} of
     * its metadata): what the deny-list and key retirement rely on as the bound of a client's tokens.
     */
    public static final Duration MAX_CLIENT_ACCESS_TOKEN_LIFETIME = Duration.ofDays(1);

    private Duration accessTokenTtl;
    private Duration idTokenTtl;
    private Duration refreshTokenTtl;
    private Duration clientCacheTtl;
    private Optional<String> accessTokenAudience;
    private boolean adminCliEnabled;
    private Optional<Duration> keyRotationInterval;

    @Inject
    public OAuthSettings(@ConfigProperty(name = "latchkey.oauth.access-token-ttl") Duration accessTokenTtl,
                         @ConfigProperty(name = "latchkey.oauth.id-token-ttl") Duration idTokenTtl,
                         @ConfigProperty(name = "latchkey.oauth.refresh-token-ttl") Duration refreshTokenTtl,
                         @ConfigProperty(name = "latchkey.oauth.client-cache-ttl") Duration clientCacheTtl,
                         @ConfigProperty(name = "latchkey.oauth.access-token-audience") Optional<String> accessTokenAudience,
                         @ConfigProperty(name = "latchkey.oauth.admin-cli.enabled") boolean adminCliEnabled,
                         @ConfigProperty(name = "latchkey.oauth.key-rotation-interval") Optional<Duration> keyRotationInterval) {
        this(accessTokenTtl, idTokenTtl, refreshTokenTtl, clientCacheTtl, accessTokenAudience, adminCliEnabled);
        // P0D, a negative duration or no value: no scheduled rotation
        this.keyRotationInterval = keyRotationInterval.filter(interval -> interval.compareTo(Duration.ZERO) > 0);
    }

    /** Without scheduled key rotation. */
    public OAuthSettings(Duration accessTokenTtl, Duration idTokenTtl, Duration refreshTokenTtl, Duration clientCacheTtl,
                         Optional<String> accessTokenAudience, boolean adminCliEnabled) {
        this.accessTokenTtl = atLeastOneSecond("latchkey.oauth.access-token-ttl", accessTokenTtl);
        this.idTokenTtl = atLeastOneSecond("latchkey.oauth.id-token-ttl", idTokenTtl);
        this.refreshTokenTtl = atLeastOneSecond("latchkey.oauth.refresh-token-ttl", refreshTokenTtl);
        this.clientCacheTtl = clientCacheTtl.isNegative() ? Duration.ZERO : clientCacheTtl;
        this.accessTokenAudience = accessTokenAudience.map(String::trim).filter(value -> !value.isEmpty());
        this.adminCliEnabled = adminCliEnabled;
        this.keyRotationInterval = Optional.empty();
    }

    /** For CDI's client proxy only. */
    protected OAuthSettings() {
    }

    /** The defaults, for tests and tools. */
    public static OAuthSettings defaults() {
        return new OAuthSettings(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofDays(30),
                Duration.ofMinutes(1), Optional.empty(), true);
    }

    private static Duration atLeastOneSecond(String key, Duration value) {
        if (value.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(key + " must be at least PT1S, was " + value);
        }
        return value;
    }

    /**
     * How often each algorithm's signing key is rotated ({@code key-rotation-interval}, P90D);
     * empty when {@code P0D} or unset: rotation only by the admin API.
     */
    public Optional<Duration> keyRotationInterval() {
        return keyRotationInterval;
    }

    /** Lifetime of access tokens for clients without their own ({@code access-token-ttl}, PT5M). */
    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    /**
     * The longest an access token issued by this server can live: the server's lifetime or the
     * longest a client may be given ({@link #MAX_CLIENT_ACCESS_TOKEN_LIFETIME}), whichever is
     * longer. Revoking a grant denies its access tokens for this long, and a retired signing key
     * verifies at least this long, so no token outlives its revocation or its key.
     */
    public Duration longestAccessTokenLifetime() {
        return accessTokenTtl.compareTo(MAX_CLIENT_ACCESS_TOKEN_LIFETIME) >= 0 ? accessTokenTtl
                : MAX_CLIENT_ACCESS_TOKEN_LIFETIME;
    }

    /** Lifetime of ID tokens ({@code id-token-ttl}, PT5M). */
    public Duration idTokenTtl() {
        return idTokenTtl;
    }

    /**
     * Lifetime of a refresh-token family for clients without their own ({@code refresh-token-ttl},
     * P30D): every rotation's successor expires when the family's first token does.
     */
    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    /** How long a client read from the database is served from memory ({@code client-cache-ttl}, PT60S). */
    public Duration clientCacheTtl() {
        return clientCacheTtl;
    }

    /** The {@code aud} of access tokens when it is not the issuer ({@code access-token-audience}, unset). */
    public Optional<String> accessTokenAudience() {
        return accessTokenAudience;
    }

    /** Whether the built-in {@code latchkey-admin-cli} client is made at start-up ({@code admin-cli.enabled}, true). */
    public boolean adminCliEnabled() {
        return adminCliEnabled;
    }
}

package dev.latchkey.oauth.internal.code;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.SsoSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Codes in the kernel's ephemeral store (Redis when clustered), as JSON under
 * {@code "code:" + SHA-256(code)}: a dump of the store yields no usable code. Redemption is the
 * store's atomic take ({@code GETDEL} on Redis), so a code is single-use across all nodes; a
 * redeemed code leaves a replay marker under {@code "code-used:" + SHA-256(code)}. Issuing a code
 * in an SSO session binds the client to that session ({@link SsoSessions#bindClient}), so that the
 * session's end reaches the client by back-channel logout.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-10.5">RFC 6749 §10.5</a>
 */
@ApplicationScoped
class StoreBackedAuthorizationCodes implements AuthorizationCodes {

    static final String CODE_PREFIX = "code:";
    static final String REDEEMED_PREFIX = "code-used:";
    /** How long a redeemed code's marker outlives the code, so that a late replay is still seen. */
    static final Duration REPLAY_GUARD_GRACE = Duration.ofSeconds(60);
    private static final String REDEEMED = "redeemed";

    private final Jsonb jsonb = JsonbBuilder.create();
    private EphemeralStore store;
    private SsoSessions sessions;
    private Duration codeTtl;
    private Clock clock;

    @Inject
    StoreBackedAuthorizationCodes(EphemeralStore store, SsoSessions sessions,
                                  @ConfigProperty(name = "latchkey.oauth.code-ttl") Duration codeTtl) {
        this(store, sessions, codeTtl, Clock.systemUTC());
    }

    StoreBackedAuthorizationCodes(EphemeralStore store, SsoSessions sessions, Duration codeTtl, Clock clock) {
        if (codeTtl.isNegative() || codeTtl.isZero()) {
            throw new IllegalArgumentException("latchkey.oauth.code-ttl must be positive, was " + codeTtl);
        }
        this.store = store;
        this.sessions = sessions;
        this.codeTtl = codeTtl;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    StoreBackedAuthorizationCodes() {
    }

    @Override
    public String issue(AuthorizationCode grant) {
        // RFC 6749 §4.1.2: a maximum code lifetime of 10 minutes is RECOMMENDED; ours is a minute
        String code = SecureTokens.newToken();
        store.put(CODE_PREFIX + SecureTokens.hash(code), jsonb.toJson(grant), codeTtl);
        if (grant.sessionId() != null) {
            // Back-Channel Logout §2.7: the OP must know the RPs a session's end is to be sent to
            sessions.bindClient(grant.sessionId(), grant.clientId());
        }
        return code;
    }

    @Override
    public Optional<AuthorizationCode> redeem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.empty();
        }
        String hash = SecureTokens.hash(code);
        // RFC 6749 §4.1.2: the client MUST NOT use the code more than once
        Optional<AuthorizationCode> grant = store.take(CODE_PREFIX + hash)
                .map(json -> jsonb.fromJson(json, AuthorizationCode.class));
        grant.ifPresent(redeemed -> store.put(REDEEMED_PREFIX + hash, REDEEMED, replayGuardTtl(redeemed)));
        return grant;
    }

    @Override
    public boolean wasRedeemed(String code) {
        return code != null && !code.isEmpty() && store.get(REDEEMED_PREFIX + SecureTokens.hash(code)).isPresent();
    }

    private Duration replayGuardTtl(AuthorizationCode grant) {
        Duration remaining = Duration.between(clock.instant(), grant.issuedAt().plus(codeTtl));
        return (remaining.isNegative() ? Duration.ZERO : remaining).plus(REPLAY_GUARD_GRACE);
    }
}

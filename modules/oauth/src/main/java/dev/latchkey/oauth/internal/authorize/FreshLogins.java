package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CLIENT_ID;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The demands for a fresh login that the authorization endpoint made, so that the request it
 * comes back to after the login is answered once instead of sending the browser to the login
 * page again.
 *
 * <p>{@code prompt=login} and {@code max_age=0} ask for a login at every request, and the
 * request the login page returns to is the same request: taken at face value it would loop. So
 * when the endpoint sends the browser to log in again it records a demand — a random token in
 * the ephemeral store, holding the time of the demand (in seconds, the precision of a session's
 * {@code authenticatedAt}) and the client — and adds the token to the request the login page
 * returns to as {@value #MARKER}. The demand is met when the session the browser comes back with
 * was authenticated at or after that time, for the same client.
 *
 * <p>The marker is not trusted as such: only a token this server issued and has not yet seen
 * again counts, and it is consumed on its first return (honoured once: reloading the page asks
 * for a login again). A forged, replayed or expired marker counts as none. Whoever can strip
 * {@code prompt=login} from the URL could always skip it; what the client can rely on is the ID
 * token's {@code auth_time}.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class FreshLogins {

    /** The parameter added to the request the login page returns to. */
    static final String MARKER = "lk_login";
    /** How long a login may take before its demand is forgotten (and asked again). */
    static final Duration TTL = Duration.ofMinutes(15);
    private static final String KEY_PREFIX = "oauth:fresh_login:";

    private final EphemeralStore store;

    FreshLogins(EphemeralStore store) {
        this.store = store;
    }

    /** Records a demand for a login after {@code now} for {@code clientId}; the marker's value. */
    String demand(String clientId, Instant now) {
        String token = SecureTokens.newToken();
        store.put(KEY_PREFIX + SecureTokens.hash(token), now.getEpochSecond() + " " + clientId, TTL);
        return token;
    }

    /**
     * True when the request carries the marker of a demand for its client and {@code authenticatedAt}
     * is at or after the demand. The demand is consumed either way.
     */
    boolean metBy(AuthorizationParameters parameters, Instant authenticatedAt) {
        Optional<String> token = parameters.single(MARKER).filter(value -> value.length() <= 64);
        if (token.isEmpty()) {
            return false;
        }
        String clientId = parameters.single(CLIENT_ID).orElse("");
        return store.take(KEY_PREFIX + SecureTokens.hash(token.get()))
                .map(demand -> demand.split(" ", 2))
                .filter(demand -> demand.length == 2 && demand[1].equals(clientId))
                .map(demand -> authenticatedAt.getEpochSecond() >= Long.parseLong(demand[0]))
                .orElse(false);
    }
}

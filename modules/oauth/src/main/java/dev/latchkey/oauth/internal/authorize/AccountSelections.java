package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationParameters.CLIENT_ID;

import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.session.api.SsoSession;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account choices {@code prompt=select_account} offers a browser with a session: "continue
 * as" the session's user, or "use another account". The endpoint keeps each offer in the
 * ephemeral store under the hash of a random id for {@link #TTL} and sends the browser to the
 * account page with that id; "continue" comes back to the same request with the id as
 * {@value #MARKER}, which counts once, for the session and client it was offered to. A forged,
 * replayed, expired or other session's marker counts as none, so the page is shown again.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthRequest">OIDC Core §3.1.2.1</a>
 */
final class AccountSelections {

    /** The parameter "continue" adds to the request. */
    static final String MARKER = "lk_account";
    static final String PAGE_PATH = "/select-account";
    /** How long the account page may stay open. */
    static final Duration TTL = Duration.ofMinutes(15);
    private static final String KEY_PREFIX = "oauth:account_choice:";

    private final Jsonb jsonb = JsonbBuilder.create();
    private final EphemeralStore store;

    AccountSelections(EphemeralStore store) {
        this.store = store;
    }

    /**
     * Offers the session's user the choice for a request of {@code clientId}: continuing goes to
     * {@code request} (a local path and query without markers) with the marker, another account to
     * {@code anotherAccount}. Returns the offer's id.
     */
    String offer(SsoSession session, String clientId, String request, String anotherAccount) {
        String id = SecureTokens.newToken();
        String continueLocation = AuthorizationResponses.appendQuery(request,
                FormUrlEncoding.query(Map.of(MARKER, List.of(id))));
        store.put(key(id), jsonb.toJson(new AccountChoice(session.id(), clientId, continueLocation, anotherAccount)),
                TTL);
        return id;
    }

    /** The offer of an id; empty when unknown, expired, taken or not an id. */
    Optional<AccountChoice> find(String id) {
        return wellFormed(id) ? store.get(key(id)).map(json -> jsonb.fromJson(json, AccountChoice.class))
                : Optional.empty();
    }

    /**
     * True when the request carries the marker of an offer made to this session for its client:
     * the user chose to continue. The offer is consumed either way.
     */
    boolean chosen(AuthorizationParameters parameters, SsoSession session) {
        Optional<String> id = parameters.single(MARKER).filter(AccountSelections::wellFormed);
        if (id.isEmpty()) {
            return false;
        }
        String clientId = parameters.single(CLIENT_ID).orElse("");
        return store.take(key(id.get()))
                .map(json -> jsonb.fromJson(json, AccountChoice.class))
                .filter(choice -> choice.sessionId().equals(session.id()) && choice.clientId().equals(clientId))
                .isPresent();
    }

    private static boolean wellFormed(String id) {
        return id != null && !id.isEmpty() && id.length() <= PendingConsents.MAX_ID_LENGTH;
    }

    private static String key(String id) {
        return KEY_PREFIX + SecureTokens.hash(id);
    }
}

package dev.latchkey.oauth.internal.authorize;

import static dev.latchkey.oauth.internal.authorize.AuthorizationError.CONSENT_REQUIRED;

import dev.latchkey.oauth.internal.client.RegisteredClient;
import dev.latchkey.oauth.internal.code.AuthorizationCode;
import dev.latchkey.oauth.internal.code.AuthorizationCodes;
import dev.latchkey.oauth.internal.consent.Consent;
import dev.latchkey.oauth.internal.consent.ConsentService;
import dev.latchkey.oauth.internal.protocol.Scope;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last step of an authorization request with a signed-in user: the code, or first the
 * consent page.
 *
 * <ul>
 *   <li>A first-party client needs no consent (it counts as consented, {@code offline_access}
 *       included), unless the request says {@code prompt=consent}.</li>
 *   <li>A third-party client gets the code when the user's remembered consent covers every
 *       requested scope, so {@code offline_access} (OIDC Core §11) is only ever granted after
 *       consent; otherwise — and always with {@code prompt=consent} — the browser goes to the
 *       consent page, which lists the new scopes and what was granted before.</li>
 *   <li>With {@code prompt=none}, a needed consent is {@code consent_required} (OIDC Core §3.1.2.6).</li>
 * </ul>
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#Consent">OIDC Core §3.1.2.4</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#OfflineAccess">OIDC Core §11</a>
 */
final class ConsentStep {

    static final String CONSENT_PATH = "/consent";
    static final String REQUEST = "request";

    private final ConsentService consents;
    private final PendingConsents pending;
    private final AuthorizationCodes codes;

    ConsentStep(ConsentService consents, PendingConsents pending, AuthorizationCodes codes) {
        this.consents = consents;
        this.pending = pending;
        this.codes = codes;
    }

    /**
     * The answer to a valid request of {@code client} that the session's user would grant with
     * {@code grant}: the code, the consent page, or {@code consent_required} (thrown).
     */
    AuthorizationAnswer answer(RegisteredClient client, AuthorizationCode grant, boolean promptNone,
                               boolean promptConsent, AuthorizationReply reply) {
        Optional<Consent> remembered = client.firstParty() ? Optional.empty()
                : consents.find(grant.userId(), client.clientId());
        boolean consented = client.firstParty()
                || remembered.filter(consent -> consent.covers(Scope.parse(grant.scope()))).isPresent();
        if (consented && !promptConsent) {
            return reply.success(codes.issue(grant));
        }
        // OIDC Core §3.1.2.1: with prompt=none the server MUST NOT display a consent page
        if (promptNone) {
            throw new AuthorizationException(CONSENT_REQUIRED, "the user has not consented to this request and prompt=none");
        }
        String grantedBefore = remembered.map(consent -> consent.scope().toString()).orElse("");
        String id = pending.open(new PendingConsent(grant, ClientFingerprint.of(client), reply, grantedBefore));
        return new AuthorizationAnswer.Redirect(reply.issuer() + CONSENT_PATH + "?"
                + FormUrlEncoding.query(Map.of(REQUEST, List.of(id))));
    }
}

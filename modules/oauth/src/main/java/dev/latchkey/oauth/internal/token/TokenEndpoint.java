package dev.latchkey.oauth.internal.token;

import dev.latchkey.oauth.events.TokenRequestRefused;
import dev.latchkey.oauth.events.TokensIssued;
import dev.latchkey.oauth.internal.clientauth.AuthenticatedClient;
import dev.latchkey.oauth.internal.clientauth.BasicCredentials;
import dev.latchkey.oauth.internal.clientauth.ClientAuthEndpoint;
import dev.latchkey.oauth.internal.clientauth.ClientAuthenticator;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.protocol.RequestParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The token endpoint's logic: checks the parameters, authenticates the client, picks the
 * {@link GrantHandler} of the grant type from a map, and publishes one event per request:
 * {@link TokensIssued} or {@link TokenRequestRefused}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-3.2">RFC 6749 §3.2</a>
 */
@ApplicationScoped
public class TokenEndpoint {

    private ClientAuthenticator authenticator;
    private Map<String, GrantHandler> handlers;
    private Event<TokensIssued> issued;
    private Event<TokenRequestRefused> refused;
    private Clock clock;

    @Inject
    public TokenEndpoint(ClientAuthenticator authenticator, @Any Instance<GrantHandler> handlers,
                         Event<TokensIssued> issued, Event<TokenRequestRefused> refused) {
        this(authenticator, handlers.stream().toList(), issued, refused, Clock.systemUTC());
    }

    public TokenEndpoint(ClientAuthenticator authenticator, Collection<GrantHandler> handlers,
                         Event<TokensIssued> issued, Event<TokenRequestRefused> refused, Clock clock) {
        this.authenticator = authenticator;
        this.handlers = handlers.stream().collect(Collectors.toMap(GrantHandler::grantType, Function.identity(),
                (first, second) -> {
                    throw new IllegalStateException("Two handlers for " + first.grantType());
                }, TreeMap::new));
        this.issued = issued;
        this.refused = refused;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected TokenEndpoint() {
    }

    /** The grant types there is a handler for, for the metadata. */
    public Set<String> grantTypes() {
        return handlers.keySet();
    }

    /**
     * Handles one token request: the raw form (every value of every name) and the
     * {@code Authorization} header. Throws {@link OAuthException} with the RFC 6749 §5.2 error.
     */
    public TokenResponse exchange(Map<String, List<String>> form, String authorization, String remoteAddress,
                                  String userAgent) {
        String clientId = null;
        String grantType = null;
        try {
            RequestParameters parameters = RequestParameters.of(form);
            clientId = presentedClientId(authorization, parameters);
            grantType = parameters.require("grant_type");
            AuthenticatedClient client = authenticator.authenticate(authorization, parameters,
                    ClientAuthEndpoint.TOKEN);
            clientId = client.clientId();
            GrantHandler handler = handlers.get(grantType);
            if (handler == null) {
                throw OAuthException.unsupportedGrantType("The grant type " + grantType + " is not supported");
            }
            if (!client.client().allowsGrant(grantType)) {
                throw OAuthException.unauthorizedClient("This client may not use the grant type " + grantType);
            }
            IssuedTokens tokens = handler.handle(new TokenRequest(grantType, parameters, client, remoteAddress,
                    userAgent, clock.instant()));
            issued.fire(TokensIssued.now(clientId, tokens.userId(), grantType));
            return tokens.response();
        } catch (OAuthException e) {
            refused.fire(TokenRequestRefused.now(clientId, grantType, e.error()));
            throw e;
        }
    }

    private static String presentedClientId(String authorization, RequestParameters parameters) {
        try {
            return BasicCredentials.parse(authorization).map(BasicCredentials::clientId)
                    .orElse(parameters.get("client_id").orElse(null));
        } catch (OAuthException e) {
            return parameters.get("client_id").orElse(null);
        }
    }
}

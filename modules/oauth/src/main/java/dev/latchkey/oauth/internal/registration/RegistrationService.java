package dev.latchkey.oauth.internal.registration;

import dev.latchkey.kernel.api.Ids;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.oauth.api.ClientDefinition;
import dev.latchkey.oauth.internal.client.ClientSecrets;
import dev.latchkey.oauth.internal.client.ClientService;
import dev.latchkey.oauth.internal.client.RegistrationError;
import dev.latchkey.oauth.internal.client.RegistrationRequest;
import dev.latchkey.oauth.internal.client.Clients;
import dev.latchkey.oauth.internal.client.SavedClient;
import dev.latchkey.oauth.internal.client.StoredClient;
import dev.latchkey.oauth.internal.config.RegistrationSettings;
import dev.latchkey.oauth.internal.protocol.OAuthException;
import dev.latchkey.oauth.internal.userinfo.BearerToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Dynamic client registration (RFC 7591) and the management of a registration by its client
 * (RFC 7592). A registration is allowed by the configured mode: open, or with an initial access
 * token (one of its registrations is used up in the registration's transaction, so a refused
 * registration uses none). Each registered client gets a registration access token, stored as
 * SHA-256 and good for that client only; an update replaces it (the response carries the new
 * one), a read answers with the one presented.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7592#section-2">RFC 7592 §2</a>
 */
@ApplicationScoped
@Transactional
public class RegistrationService {

    private ClientService clients;
    private Clients stored;
    private InitialAccessTokenService initialAccessTokens;
    private RegistrationSettings settings;

    @Inject
    public RegistrationService(ClientService clients, Clients stored, InitialAccessTokenService initialAccessTokens,
                               RegistrationSettings settings) {
        this.clients = clients;
        this.stored = stored;
        this.initialAccessTokens = initialAccessTokens;
        this.settings = settings;
    }

    /** For CDI's client proxy only. */
    protected RegistrationService() {
    }

    /**
     * Registers the client the JSON {@code body} describes under a new client id. {@code authorization}
     * is the request's {@code Authorization} header: with {@code registration=token} it must carry
     * a valid initial access token (else 401).
     */
    public Registration register(String body, String authorization) {
        if (settings.mode() == RegistrationSettings.Mode.TOKEN
                && !initialAccessTokens.consume(BearerToken.extract(authorization, null))) {
            throw OAuthException.invalidToken("The initial access token is invalid, expired or used up");
        }
        String clientId = Ids.newId().toString();
        ClientDefinition definition = RegistrationRequest.definition(clientId, RegistrationRequest.read(body),
                settings.scopes());
        SavedClient saved = checked(() -> clients.create(definition));
        return new Registration(saved.client(), saved.secret(), newRegistrationToken(clientId));
    }

    /** RFC 7592 §2.1: the client's current registration. */
    public Registration read(String clientId, String authorization) {
        String token = authenticate(clientId, authorization);
        StoredClient client = clients.find(clientId).orElseThrow(RegistrationService::invalidToken);
        return new Registration(client, null, token);
    }

    /**
     * RFC 7592 §2.2: replaces the client's metadata with the JSON {@code body} (omitted fields take
     * their defaults). Its {@code client_id} must be this client's; a {@code client_secret} in it
     * must be the current one. The registration access token is replaced.
     */
    public Registration update(String clientId, String authorization, String body) {
        authenticate(clientId, authorization);
        JsonObject metadata = RegistrationRequest.read(body);
        if (!(metadata.get("client_id") instanceof JsonString given) || !given.getString().equals(clientId)) {
            throw RegistrationError.invalidMetadata("client_id must be present and be this client's id");
        }
        if (metadata.containsKey("client_secret") && !metadata.isNull("client_secret")) {
            String secretHash = clients.find(clientId).orElseThrow(RegistrationService::invalidToken).client()
                    .secretHash();
            if (!(metadata.get("client_secret") instanceof JsonString secret)
                    || !ClientSecrets.matches(secret.getString(), secretHash)) {
                throw RegistrationError.invalidMetadata("client_secret is not this client's secret");
            }
        }
        ClientDefinition definition = RegistrationRequest.definition(clientId, metadata, settings.scopes());
        SavedClient saved = checked(() -> clients.update(clientId, definition));
        return new Registration(saved.client(), saved.secret(), newRegistrationToken(clientId));
    }

    /** RFC 7592 §2.3: deletes the client; its refresh tokens and registration access token go with it. */
    public void delete(String clientId, String authorization) {
        authenticate(clientId, authorization);
        clients.delete(clientId);
    }

    /** The presented registration access token when it is this client's; 401 {@code invalid_token} otherwise. */
    private String authenticate(String clientId, String authorization) {
        String token = BearerToken.extract(authorization, null);
        String expected = stored.registrationTokenHash(clientId).orElse(null);
        // RFC 7592 §2: an unknown client is answered like a wrong token, so client ids cannot be probed
        if (!SecureTokens.constantTimeEquals(SecureTokens.hash(token), expected)) {
            throw invalidToken();
        }
        return token;
    }

    private String newRegistrationToken(String clientId) {
        String token = SecureTokens.newToken();
        stored.updateRegistrationTokenHash(clientId, SecureTokens.hash(token));
        return token;
    }

    private static SavedClient checked(Supplier<SavedClient> change) {
        try {
            return change.get();
        } catch (ProblemException refused) {
            throw RegistrationError.of(refused);
        }
    }

    private static OAuthException invalidToken() {
        return OAuthException.invalidToken("The registration access token is not valid for this client");
    }
}

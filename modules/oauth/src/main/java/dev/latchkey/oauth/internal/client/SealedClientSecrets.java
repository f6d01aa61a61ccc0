package dev.latchkey.oauth.internal.client;

import dev.latchkey.kernel.api.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The reversible form of the secrets of {@code client_secret_jwt} clients: the server must hold
 * the secret itself to check an HMAC made with it (RFC 7523 §2.2, OIDC Core §9), so such a secret
 * is also kept encrypted with the master AEAD, its client id as associated data (a sealed secret
 * moved to another client's row does not open). Every other client keeps only the hash.
 */
@ApplicationScoped
public class SealedClientSecrets {

    private SecretCipher cipher;

    @Inject
    public SealedClientSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** For CDI's client proxy only. */
    protected SealedClientSecrets() {
    }

    /** The sealed form of {@code clientId}'s secret, for the client's row. */
    public String seal(String clientId, String secret) {
        return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), context(clientId));
    }

    /** The secret of a client that has a sealed one. */
    public Optional<byte[]> open(RegisteredClient client) {
        return Optional.ofNullable(client.sealedSecret())
                .map(sealed -> cipher.decrypt(sealed, context(client.clientId())));
    }

    private static String context(String clientId) {
        return "oauth_client_secret:" + clientId;
    }
}

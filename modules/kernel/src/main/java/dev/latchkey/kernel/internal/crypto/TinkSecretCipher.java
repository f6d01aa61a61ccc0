package dev.latchkey.kernel.internal.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import dev.latchkey.kernel.api.SecretCipher;
import dev.latchkey.kernel.api.ServerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@link SecretCipher} with Tink's AES-256-GCM AEAD under the master keyset. */
@ApplicationScoped
class TinkSecretCipher implements SecretCipher {

    private final Aead aead;

    @Inject
    TinkSecretCipher(@ConfigProperty(name = "latchkey.master-key") Optional<String> masterKey, ServerSettings settings) {
        this(MasterKeyset.load(masterKey, settings.dataDirectory()));
    }

    TinkSecretCipher(KeysetHandle keyset) {
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset holds no AEAD key", e);
        }
    }

    /** For CDI's client proxy only. */
    TinkSecretCipher() {
        this.aead = null;
    }

    @Override
    public String encrypt(byte[] plaintext, String context) {
        try {
            return Base64.getEncoder().encodeToString(aead.encrypt(plaintext, context.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(String ciphertext, String context) {
        try {
            return aead.decrypt(Base64.getDecoder().decode(ciphertext), context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A secret at rest does not decrypt: wrong master key or tampered data ("
                    + context + ")", e);
        }
    }
}

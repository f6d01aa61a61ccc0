package dev.latchkey.kernel.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TinkSecretCipherTest {

    @TempDir
    Path dataDirectory;

    @Test
    void encryptThenDecryptInTheSameContextRoundTrips() {
        TinkSecretCipher cipher = new TinkSecretCipher(MasterKeyset.load(Optional.empty(), dataDirectory));
        byte[] secret = "private key".getBytes(StandardCharsets.UTF_8);

        String ciphertext = cipher.encrypt(secret, "oauth_signing_key:k1");

        assertArrayEquals(secret, cipher.decrypt(ciphertext, "oauth_signing_key:k1"));
        assertNotEquals(ciphertext, cipher.encrypt(secret, "oauth_signing_key:k1"));
    }

    @Test
    void decryptInAnotherContextOrAfterTamperingFails() {
        TinkSecretCipher cipher = new TinkSecretCipher(MasterKeyset.load(Optional.empty(), dataDirectory));
        String ciphertext = cipher.encrypt(new byte[] {1, 2, 3}, "a");
        byte[] tampered = Base64.getDecoder().decode(ciphertext);
        tampered[tampered.length - 1] ^= 1;

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(ciphertext, "b"));
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(Base64.getEncoder().encodeToString(tampered), "a"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("not base64!", "a"));
    }

    @Test
    void theEmbeddedDefaultKeepsOneKeysetFileAcrossRestarts() throws Exception {
        TinkSecretCipher first = new TinkSecretCipher(MasterKeyset.load(Optional.empty(), dataDirectory));
        String ciphertext = first.encrypt(new byte[] {42}, "ctx");

        TinkSecretCipher afterRestart = new TinkSecretCipher(MasterKeyset.load(Optional.empty(), dataDirectory));

        assertArrayEquals(new byte[] {42}, afterRestart.decrypt(ciphertext, "ctx"));
        assertTrue(Files.exists(dataDirectory.resolve(MasterKeyset.FILE_NAME)));
    }

    @Test
    void aConfiguredKeysetAsJsonOrBase64WinsOverTheFile() throws Exception {
        String json = MasterKeyset.newKeysetJson();
        String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        TinkSecretCipher fromJson = new TinkSecretCipher(MasterKeyset.load(Optional.of(json), dataDirectory));
        TinkSecretCipher fromBase64 = new TinkSecretCipher(MasterKeyset.load(Optional.of(base64), dataDirectory));

        assertArrayEquals(new byte[] {7}, fromBase64.decrypt(fromJson.encrypt(new byte[] {7}, "c"), "c"));
        assertEquals(false, Files.exists(dataDirectory.resolve(MasterKeyset.FILE_NAME)));
    }

    @Test
    void anInvalidConfiguredKeysetStopsStartWithAClearMessage() {
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> MasterKeyset.load(Optional.of("{\"not\":\"a keyset\"}"), dataDirectory));
        assertTrue(failure.getMessage().contains("LATCHKEY_MASTER_KEY"));
    }
}

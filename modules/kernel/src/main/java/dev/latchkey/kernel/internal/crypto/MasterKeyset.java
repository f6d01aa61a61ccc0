package dev.latchkey.kernel.internal.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds the master keyset: {@code LATCHKEY_MASTER_KEY} (a Tink JSON keyset, as text or base64)
 * or, on the embedded default, {@code master-keyset.json} in the data directory, made on first
 * start. A keyset may hold several keys, so the master key rotates without re-encrypting
 * everything at once: the primary encrypts, all keys decrypt.
 */
final class MasterKeyset {

    private static final Logger LOG = Logger.getLogger(MasterKeyset.class.getName());
    static final String FILE_NAME = "master-keyset.json";

    private MasterKeyset() {
    }

    static KeysetHandle load(Optional<String> configured, Path dataDirectory) {
        try {
            AeadConfig.register();
            if (configured.filter(value -> !value.isBlank()).isPresent()) {
                return parse(configured.get().trim());
            }
            return loadOrCreateFile(dataDirectory.resolve(FILE_NAME));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master keyset (LATCHKEY_MASTER_KEY) is not a valid Tink AEAD keyset", e);
        }
    }

    static KeysetHandle parse(String value) throws GeneralSecurityException {
        String json = value.startsWith("{") ? value : new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    static String newKeysetJson() throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    }

    private static KeysetHandle loadOrCreateFile(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return parse(Files.readString(file));
            }
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "master-keyset", ".tmp");
            trySetOwnerOnly(temporary);
            Files.writeString(temporary, newKeysetJson());
            Files.move(temporary, file);
            LOG.warning(() -> "Generated a master keyset in " + file
                    + ". Back it up with the database; set LATCHKEY_MASTER_KEY in production.");
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the master keyset " + file, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.fine("File system without POSIX permissions; master keyset left with default permissions");
        }
    }
}

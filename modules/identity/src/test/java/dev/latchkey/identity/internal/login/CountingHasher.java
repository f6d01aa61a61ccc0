package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.identity.internal.credential.PasswordCheck;
import dev.latchkey.identity.internal.credential.PasswordHasher;

/** The real hasher, counting its expensive calls. */
final class CountingHasher extends PasswordHasher {

    int verifications;
    int hashes;

    CountingHasher(IdentitySettings settings) {
        super(settings);
    }

    @Override
    public String hash(String password) {
        hashes++;
        return super.hash(password);
    }

    @Override
    public PasswordCheck verify(String password, String storedHash) {
        verifications++;
        return super.verify(password, storedHash);
    }

    @Override
    public PasswordCheck verifyAgainstDummy(String password) {
        verifications++;
        return super.verifyAgainstDummy(password);
    }

    void reset() {
        verifications = 0;
        hashes = 0;
    }
}

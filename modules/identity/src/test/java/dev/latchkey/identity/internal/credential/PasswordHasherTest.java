package dev.latchkey.identity.internal.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.BcryptFunction;
import com.password4j.types.Bcrypt;
import dev.latchkey.identity.internal.fixtures.TestSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final PasswordHasher hasher = new PasswordHasher(TestSettings.cheap());

    @Test
    void hashWhenCalledThenArgon2idPhcStringWithConfiguredParameters() {
        String hash = hasher.hash(PASSWORD);

        assertTrue(hash.startsWith("$argon2id$v=19$m=" + TestSettings.MEMORY_KIB + ",t=" + TestSettings.ITERATIONS
                + ",p=" + TestSettings.PARALLELISM + "$"), hash);
        assertTrue(hasher.isImportable(hash));
    }

    @Test
    void hashWhenCalledTwiceThenSaltsDiffer() {
        assertNotEquals(hasher.hash(PASSWORD), hasher.hash(PASSWORD));
    }

    @Test
    void verifyWhenPasswordMatchesThenMatchesWithoutRehash() {
        PasswordCheck check = hasher.verify(PASSWORD, hasher.hash(PASSWORD));

        assertEquals(new PasswordCheck(true, false), check);
    }

    @Test
    void verifyWhenPasswordDiffersThenMismatch() {
        assertEquals(PasswordCheck.MISMATCH, hasher.verify("Correct horse battery staple", hasher.hash(PASSWORD)));
    }

    @Test
    void verifyWhenHashUsesOldParametersThenRehashNeeded() {
        String old = new PasswordHasher(TestSettings.argon2(512, 2, 1)).hash(PASSWORD);

        assertEquals(new PasswordCheck(true, true), hasher.verify(PASSWORD, old));
    }

    @Test
    void verifyWhenHashUsesOtherParallelismThenRehashNeeded() {
        String old = new PasswordHasher(TestSettings.argon2(TestSettings.MEMORY_KIB, TestSettings.ITERATIONS, 2))
                .hash(PASSWORD);

        assertEquals(new PasswordCheck(true, true), hasher.verify(PASSWORD, old));
    }

    @Test
    void verifyWhenOldHashDoesNotMatchThenNoRehash() {
        String old = new PasswordHasher(TestSettings.argon2(512, 2, 1)).hash(PASSWORD);

        assertEquals(PasswordCheck.MISMATCH, hasher.verify("wrong password", old));
    }

    @ParameterizedTest
    @EnumSource(value = Bcrypt.class, names = {"A", "B", "Y"})
    void verifyWhenBcryptHashMatchesThenMatchesAndRehashNeeded(Bcrypt type) {
        String bcrypt = BcryptFunction.getInstance(type, 4).hash(PASSWORD).getResult();
        assertTrue(bcrypt.startsWith("$2" + type.minor() + "$04$"), bcrypt);

        assertTrue(hasher.isImportable(bcrypt));
        assertEquals(new PasswordCheck(true, true), hasher.verify(PASSWORD, bcrypt));
        assertEquals(PasswordCheck.MISMATCH, hasher.verify("wrong password", bcrypt));
    }

    @Test
    void verifyWhenBcryptMadeByPhpThenMatches() {
        // password_hash('rasmuslerdorf', PASSWORD_BCRYPT) from the PHP manual
        String php = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";

        assertEquals(new PasswordCheck(true, true), hasher.verify("rasmuslerdorf", php));
    }

    @Test
    void hashWhenPasswordIsLongerThanMaximumThenRefused() {
        String tooLong = "a".repeat(PasswordLength.MAX + 1);

        assertThrows(IllegalArgumentException.class, () -> hasher.hash(tooLong));
    }

    @Test
    void hashWhenPasswordHasMaximumLengthThenHashed() {
        String longest = "a".repeat(PasswordLength.MAX);

        assertTrue(hasher.verify(longest, hasher.hash(longest)).matches());
    }

    @Test
    void hashWhenPasswordIsEmptyOrNullThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(""));
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(null));
    }

    @Test
    void verifyWhenPasswordIsLongerThanMaximumThenMismatchWithoutHashing() {
        String hash = hasher.hash(PASSWORD);

        assertEquals(PasswordCheck.MISMATCH, hasher.verify("a".repeat(1_000_000), hash));
        assertEquals(PasswordCheck.MISMATCH, hasher.verifyAgainstDummy("a".repeat(1_000_000)));
    }

    @Test
    void verifyWhenPasswordIsNullOrHashIsNullThenMismatch() {
        assertEquals(PasswordCheck.MISMATCH, hasher.verify(null, hasher.hash(PASSWORD)));
        assertEquals(PasswordCheck.MISMATCH, hasher.verify(PASSWORD, null));
    }

    @Test
    void verifyAgainstDummyWhenCalledThenMismatch() {
        assertEquals(PasswordCheck.MISMATCH, hasher.verifyAgainstDummy(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain text",
        "$argon2i$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=16$m=1024,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=1024,t=100,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=64$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ",
        "$2a$31$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
        "$2x$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
        "$2y$10$tooshort",
        "{SSHA}abc",
        "$pbkdf2-sha256$29000$N2bMWQ$bHdGn0eA"
    })
    void isImportableWhenHashIsUnsupportedOrTooCostlyThenFalseAndNeverMatches(String stored) {
        assertFalse(hasher.isImportable(stored));
        assertEquals(PasswordCheck.MISMATCH, hasher.verify(PASSWORD, stored));
    }

    @Test
    void isImportableWhenNullThenFalse() {
        assertFalse(hasher.isImportable(null));
    }

    @Test
    void verifyWhenArgon2idHashComesFromReferenceImplementationThenMatches() {
        // made by the reference implementation: echo -n password | argon2 somesalt -id -t 2 -m 10 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=1024,t=2,p=1$c29tZXNhbHQ$7FfsnA6vUe7qLpL/3Kqc3uR48ZJyFbUVt7jWZlf0Htk";

        PasswordCheck check = hasher.verify("password", reference);

        assertTrue(check.matches());
        assertTrue(check.rehashNeeded());
    }
}

package dev.latchkey.identity.internal.credential;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashes passwords with Argon2id and checks them against stored hashes: Argon2id in the PHC
 * string format ({@code $argon2id$v=19$m=..,t=..,p=..$salt$hash}) with any parameters, and
 * bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}) imported from another system. A check tells
 * when the stored hash should be replaced: bcrypt always, Argon2id when its parameters differ
 * from the configured ones.
 *
 * <p>Passwords longer than {@link PasswordLength#MAX} characters are never
 * hashed (Argon2's cost grows with the input). Stored hashes whose cost exceeds sane limits are
 * never checked either, so that an imported hash cannot make a login exhaust the server.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9106">RFC 9106 (Argon2)</a>
 * @see <a href="https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html">OWASP Password Storage</a>
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    private static final int SALT_BYTES = 16;
    private static final int OUTPUT_BYTES = 32;
    private static final int MAX_MEMORY_KIB = 1 << 18;
    private static final int MAX_ITERATIONS = 16;
    private static final int MAX_PARALLELISM = 16;
    private static final int MIN_BCRYPT_COST = 4;
    private static final int MAX_BCRYPT_COST = 16;

    private static final String BASE64 = "[A-Za-z0-9+/]+={0,2}";
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$" + BASE64 + "\\$" + BASE64);
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}");

    private Argon2Function current;
    private String dummyHash;

    @Inject
    public PasswordHasher(IdentitySettings settings) {
        this.current = Argon2Function.getInstance(settings.argon2MemoryKib(), settings.argon2Iterations(),
                settings.argon2Parallelism(), OUTPUT_BYTES, Argon2.ID);
        // what an unknown username is checked against, so that it costs what a known one costs
        this.dummyHash = hash(SecureTokens.newToken());
    }

    /** For CDI's client proxy only. */
    protected PasswordHasher() {
    }

    /** A new Argon2id hash, with a random salt, of a password no longer than the maximum. */
    public String hash(String password) {
        if (!hasAcceptableLength(password)) {
            throw new IllegalArgumentException("A password must have 1 to "
                    + PasswordLength.MAX + " characters");
        }
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(current).getResult();
    }

    /**
     * Checks a password against a stored hash with one hash computation. A password that is too
     * long, or a hash in no supported format or beyond the cost limits, does not match.
     */
    public PasswordCheck verify(String password, String storedHash) {
        if (!hasAcceptableLength(password) || storedHash == null) {
            return PasswordCheck.MISMATCH;
        }
        Matcher argon2 = ARGON2ID.matcher(storedHash);
        if (argon2.matches() && isAffordableArgon2(argon2)) {
            Argon2Function function = Argon2Function.getInstanceFromHash(storedHash);
            boolean matches = function.check(password, storedHash);
            return new PasswordCheck(matches, matches && !function.equals(current));
        }
        Matcher bcrypt = BCRYPT.matcher(storedHash);
        if (bcrypt.matches() && isAffordableBcrypt(bcrypt)) {
            boolean matches = BcryptFunction.getInstanceFromHash(storedHash).check(password, storedHash);
            return new PasswordCheck(matches, matches);
        }
        LOG.warning("A stored password hash is in no supported format or beyond the cost limits; it never matches");
        return verifyAgainstDummy(password);
    }

    /** Spends what a real check costs and fails: for unknown users and users without a password. */
    public PasswordCheck verifyAgainstDummy(String password) {
        if (hasAcceptableLength(password)) {
            current.check(password, dummyHash);
        }
        return PasswordCheck.MISMATCH;
    }

    /**
     * True when an imported hash can be stored as it is: Argon2id (PHC string, version 19) or
     * bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}), within the cost limits.
     */
    public boolean isImportable(String storedHash) {
        if (storedHash == null) {
            return false;
        }
        Matcher argon2 = ARGON2ID.matcher(storedHash);
        if (argon2.matches()) {
            return isAffordableArgon2(argon2);
        }
        Matcher bcrypt = BCRYPT.matcher(storedHash);
        return bcrypt.matches() && isAffordableBcrypt(bcrypt);
    }

    private static boolean hasAcceptableLength(String password) {
        return password != null && !password.isEmpty() && !PasswordLength.isTooLong(password);
    }

    private static boolean isAffordableArgon2(Matcher argon2) {
        return inRange(argon2.group(1), 8, MAX_MEMORY_KIB)
                && inRange(argon2.group(2), 1, MAX_ITERATIONS)
                && inRange(argon2.group(3), 1, MAX_PARALLELISM);
    }

    private static boolean isAffordableBcrypt(Matcher bcrypt) {
        return inRange(bcrypt.group(1), MIN_BCRYPT_COST, MAX_BCRYPT_COST);
    }

    private static boolean inRange(String digits, int minimum, int maximum) {
        long value = Long.parseLong(digits);
        return value >= minimum && value <= maximum;
    }
}

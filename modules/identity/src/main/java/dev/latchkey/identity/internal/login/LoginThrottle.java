package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.kernel.api.EphemeralStore;
import dev.latchkey.kernel.api.SecureTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Brute-force protection of passwords: counts the failed logins of each username in the
 * {@link EphemeralStore} (shared by every node) and locks the username once the count reaches
 * the maximum, until the lockout has passed since the last failure. Unknown usernames are
 * counted alike, so a lockout tells nothing about whether a user exists; a locked login is
 * refused before any password hash is computed. Counting is best effort: two nodes counting the
 * same failure at once may let one extra attempt through.
 *
 * @see <a href="https://pages.nist.gov/800-63-3/sp800-63b.html#throttle">NIST SP 800-63B §5.2.2</a>
 */
@ApplicationScoped
public class LoginThrottle {

    private static final String KEY_PREFIX = "login-failures:";

    private EphemeralStore store;
    private int maxFailures;
    private Duration lockout;

    @Inject
    public LoginThrottle(EphemeralStore store, IdentitySettings settings) {
        this.store = store;
        this.maxFailures = settings.loginMaxFailures();
        this.lockout = settings.loginLockout();
    }

    /** For CDI's client proxy only. */
    protected LoginThrottle() {
    }

    /** True when logins of this username are refused for now. */
    public boolean isLocked(String username) {
        return maxFailures > 0 && failures(username) >= maxFailures;
    }

    /** Counts one failed password of this username. */
    public void recordFailure(String username) {
        if (maxFailures > 0 && username != null) {
            store.put(key(username), Integer.toString(failures(username) + 1), lockout);
        }
    }

    /** Forgets the failures of this username after a successful password. */
    public void reset(String username) {
        if (maxFailures > 0 && username != null) {
            store.delete(key(username));
        }
    }

    private int failures(String username) {
        if (username == null) {
            return 0;
        }
        Optional<String> count = store.get(key(username));
        try {
            return count.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key(String username) {
        // hashed: bounded keys, and no usernames in the shared store
        return KEY_PREFIX + SecureTokens.hash(username.toLowerCase(Locale.ROOT));
    }
}

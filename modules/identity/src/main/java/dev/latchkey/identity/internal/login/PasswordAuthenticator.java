package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.api.LoginProgress;
import dev.latchkey.identity.api.UserStatus;
import dev.latchkey.identity.internal.credential.PasswordCheck;
import dev.latchkey.identity.internal.credential.PasswordHasher;
import dev.latchkey.identity.internal.domain.LoginCandidate;
import dev.latchkey.identity.internal.domain.UserFieldRules;
import dev.latchkey.identity.internal.domain.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The built-in first step of the login chain (order 0, {@code amr} {@code "pwd"}): identifies
 * the user by username and password with exactly one password-hash computation, whether or not
 * the user exists, and gives the same failure for an unknown user and a wrong password. A
 * disabled user learns it only with the right password. A stored hash with outdated parameters
 * (or an imported bcrypt) is replaced by a fresh Argon2id hash after the check succeeds.
 *
 * <p>No transaction spans the check: the hash computation holds no database connection, and
 * the only write, the re-hash, is its own transaction.
 */
@ApplicationScoped
public class PasswordAuthenticator {

    /** The RFC 8176 {@code amr} value of a password. */
    public static final String PASSWORD_METHOD = "pwd";
    /** The reason for an unknown user or a wrong password alike. */
    public static final String INVALID_CREDENTIALS = "invalid_credentials";
    /** The reason for a disabled user who gave the right password. */
    public static final String ACCOUNT_DISABLED = "account_disabled";

    private static final Logger LOG = Logger.getLogger(PasswordAuthenticator.class.getName());

    private Users users;
    private PasswordHasher hasher;

    @Inject
    public PasswordAuthenticator(Users users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    /** For CDI's client proxy only. */
    protected PasswordAuthenticator() {
    }

    /** {@link LoginProgress.Completed} with {@code ["pwd"]}, or {@link LoginProgress.Failed}. */
    public LoginProgress authenticate(String username, String password) {
        Optional<LoginCandidate> candidate = UserFieldRules.lookupUsername(username)
                .flatMap(users::findLoginCandidate);
        if (candidate.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            return new LoginProgress.Failed(INVALID_CREDENTIALS);
        }
        LoginCandidate user = candidate.get();
        PasswordCheck check = hasher.verify(password, user.passwordHash());
        if (!check.matches()) {
            return new LoginProgress.Failed(INVALID_CREDENTIALS);
        }
        if (user.status() != UserStatus.ACTIVE) {
            return new LoginProgress.Failed(ACCOUNT_DISABLED);
        }
        Instant now = Instant.now();
        if (check.rehashNeeded()) {
            rehash(user, password, now);
        }
        return new LoginProgress.Completed(user.userId(), List.of(PASSWORD_METHOD), now);
    }

    private void rehash(LoginCandidate user, String password, Instant now) {
        try {
            users.replacePasswordHash(user.userId(), user.passwordHash(), hasher.hash(password), now);
        } catch (RuntimeException e) {
            // the login stands: the next one tries again
            LOG.log(Level.WARNING, "Could not re-hash the password of user " + user.userId(), e);
        }
    }
}

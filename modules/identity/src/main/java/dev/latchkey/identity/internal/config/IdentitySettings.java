package dev.latchkey.identity.internal.config;

import dev.latchkey.identity.internal.credential.PasswordLength;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Identity's settings, read once from MicroProfile Config; defaults are in this module's
 * {@code META-INF/microprofile-config.properties}. Out-of-range values stop the start-up.
 */
@ApplicationScoped
public class IdentitySettings {

    private int argon2MemoryKib;
    private int argon2Iterations;
    private int argon2Parallelism;
    private int passwordMinLength;
    private int loginMaxFailures;
    private Duration loginLockout;
    private String bootstrapAdminUsername;
    private Optional<String> bootstrapAdminPassword;

    @Inject
    public IdentitySettings(
            @ConfigProperty(name = "latchkey.identity.argon2.memory-kib") int argon2MemoryKib,
            @ConfigProperty(name = "latchkey.identity.argon2.iterations") int argon2Iterations,
            @ConfigProperty(name = "latchkey.identity.argon2.parallelism") int argon2Parallelism,
            @ConfigProperty(name = "latchkey.identity.password.min-length") int passwordMinLength,
            @ConfigProperty(name = "latchkey.identity.login.max-failures") int loginMaxFailures,
            @ConfigProperty(name = "latchkey.identity.login.lockout-minutes") int loginLockoutMinutes,
            @ConfigProperty(name = "latchkey.bootstrap.admin.username") String bootstrapAdminUsername,
            @ConfigProperty(name = "latchkey.bootstrap.admin.password") Optional<String> bootstrapAdminPassword) {
        this.argon2MemoryKib = atLeast("latchkey.identity.argon2.memory-kib", argon2MemoryKib, 8 * argon2Parallelism);
        this.argon2Iterations = atLeast("latchkey.identity.argon2.iterations", argon2Iterations, 1);
        this.argon2Parallelism = atLeast("latchkey.identity.argon2.parallelism", argon2Parallelism, 1);
        this.passwordMinLength = atLeast("latchkey.identity.password.min-length", passwordMinLength, 1);
        if (passwordMinLength > PasswordLength.MAX) {
            throw new IllegalArgumentException("latchkey.identity.password.min-length must be at most "
                    + PasswordLength.MAX + ", was " + passwordMinLength);
        }
        this.loginMaxFailures = atLeast("latchkey.identity.login.max-failures", loginMaxFailures, 0);
        this.loginLockout = Duration.ofMinutes(
                atLeast("latchkey.identity.login.lockout-minutes", loginLockoutMinutes, 1));
        this.bootstrapAdminUsername = bootstrapAdminUsername.trim();
        this.bootstrapAdminPassword = bootstrapAdminPassword.filter(password -> !password.isEmpty());
    }

    /** For CDI's client proxy only. */
    protected IdentitySettings() {
    }

    private static int atLeast(String key, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    /** Argon2id memory cost of new hashes, in KiB ({@code latchkey.identity.argon2.memory-kib}). */
    public int argon2MemoryKib() {
        return argon2MemoryKib;
    }

    /** Argon2id passes over memory ({@code latchkey.identity.argon2.iterations}). */
    public int argon2Iterations() {
        return argon2Iterations;
    }

    /** Argon2id lanes ({@code latchkey.identity.argon2.parallelism}). */
    public int argon2Parallelism() {
        return argon2Parallelism;
    }

    /** The shortest password accepted ({@code latchkey.identity.password.min-length}). */
    public int passwordMinLength() {
        return passwordMinLength;
    }

    /**
     * Failed password logins of one username after which its logins are refused for
     * {@link #loginLockout()} ({@code latchkey.identity.login.max-failures}; 0 turns this off).
     */
    public int loginMaxFailures() {
        return loginMaxFailures;
    }

    /**
     * How long a username stays locked after its last counted failure
     * ({@code latchkey.identity.login.lockout-minutes}).
     */
    public Duration loginLockout() {
        return loginLockout;
    }

    /** The username of the bootstrap admin ({@code LATCHKEY_BOOTSTRAP_ADMIN_USERNAME}). */
    public String bootstrapAdminUsername() {
        return bootstrapAdminUsername;
    }

    /** The configured password of the bootstrap admin ({@code LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD}), if any. */
    public Optional<String> bootstrapAdminPassword() {
        return bootstrapAdminPassword;
    }
}

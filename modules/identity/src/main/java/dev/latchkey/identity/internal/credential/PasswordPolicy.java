package dev.latchkey.identity.internal.credential;

import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.kernel.api.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What a new password must be: at least the configured minimum and at most
 * {@link PasswordLength#MAX} characters, counted as Unicode code points.
 *
 * @see <a href="https://pages.nist.gov/800-63-3/sp800-63b.html#memsecret">NIST SP 800-63B §5.1.1.2</a>
 */
@ApplicationScoped
public class PasswordPolicy {

    private int minLength;

    @Inject
    public PasswordPolicy(IdentitySettings settings) {
        this.minLength = settings.passwordMinLength();
    }

    /** For CDI's client proxy only. */
    protected PasswordPolicy() {
    }

    /** Throws a 400 validation problem naming {@code field} when the password breaks a rule. */
    public void check(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw Problems.validation(field + " must not be empty");
        }
        if (PasswordLength.isTooLong(password)) {
            throw Problems.validation(field + " must have at most " + PasswordLength.MAX + " characters");
        }
        if (PasswordLength.characters(password) < minLength) {
            throw Problems.validation(field + " must have at least " + minLength + " characters");
        }
    }
}

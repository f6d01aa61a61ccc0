package dev.latchkey.oauth.internal.config;

import dev.latchkey.oauth.internal.protocol.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may register clients at {@code /register} (RFC 7591) and what they may ask for:
 * {@code latchkey.oauth.registration} is {@code open} (anyone), {@code token} (an initial access
 * token an admin issued, the default) or {@code off} (no endpoint, nothing in discovery);
 * {@code latchkey.oauth.registration.scopes} lists the scopes a registered client may have.
 */
@ApplicationScoped
public class RegistrationSettings {

    /** Who may register. */
    public enum Mode { OPEN, TOKEN, OFF }

    private Mode mode;
    private Set<String> scopes;

    @Inject
    public RegistrationSettings(@ConfigProperty(name = "latchkey.oauth.registration") String mode,
                                @ConfigProperty(name = "latchkey.oauth.registration.scopes") String scopes) {
        this(parse(mode), Set.copyOf(Arrays.stream(scopes.trim().split("[\\s,]+"))
                .filter(scope -> !scope.isEmpty()).toList()));
    }

    public RegistrationSettings(Mode mode, Set<String> scopes) {
        this.mode = mode;
        this.scopes = Set.copyOf(scopes);
    }

    /** For CDI's client proxy only. */
    protected RegistrationSettings() {
    }

    /** Registration with an initial access token, of the standard scopes: the defaults. */
    public static RegistrationSettings defaults() {
        return new RegistrationSettings(Mode.TOKEN, new LinkedHashSet<>(Scope.STANDARD));
    }

    private static Mode parse(String value) {
        try {
            return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("latchkey.oauth.registration must be open, token or off, was " + value,
                    e);
        }
    }

    /** {@code registration} (token). */
    public Mode mode() {
        return mode;
    }

    /** {@code registration.scopes} (openid profile email offline_access). */
    public Set<String> scopes() {
        return scopes;
    }
}

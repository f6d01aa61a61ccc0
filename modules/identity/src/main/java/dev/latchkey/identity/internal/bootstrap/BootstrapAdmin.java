package dev.latchkey.identity.internal.bootstrap;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.kernel.api.ProblemException;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.api.ServerStarting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first admin when the server starts with no user at all: username
 * {@code LATCHKEY_BOOTSTRAP_ADMIN_USERNAME} (default {@code admin}), password
 * {@code LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD}, or a generated one logged once at WARNING. When two
 * nodes start together on one database, the unique username lets one of them create it and the
 * other move on.
 */
@ApplicationScoped
public class BootstrapAdmin {

    /** The role that opens the admin API. */
    public static final String ADMIN_ROLE = "admin";

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());
    // 18 random bytes: 24 base64url characters, 144 bits
    private static final int GENERATED_PASSWORD_BYTES = 18;

    private UserDirectory directory;
    private IdentitySettings settings;

    @Inject
    public BootstrapAdmin(UserDirectory directory, IdentitySettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** For CDI's client proxy only. */
    protected BootstrapAdmin() {
    }

    void onStart(@Observes ServerStarting starting) {
        createIfNoUser();
    }

    /** Creates the admin when there is no user; true when this call created it. */
    public boolean createIfNoUser() {
        if (directory.count() > 0) {
            return false;
        }
        String username = settings.bootstrapAdminUsername();
        boolean generated = settings.bootstrapAdminPassword().isEmpty();
        String password = settings.bootstrapAdminPassword()
                .orElseGet(() -> SecureTokens.newToken(GENERATED_PASSWORD_BYTES));
        try {
            directory.create(new NewUser(username, null, false, null, null, null, password, null,
                    Set.of(ADMIN_ROLE)));
        } catch (ProblemException e) {
            if (e.status() == 400) {
                throw new IllegalStateException("The bootstrap admin cannot be created: " + e.detail()
                        + " (LATCHKEY_BOOTSTRAP_ADMIN_USERNAME, LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD)", e);
            }
            return createdElsewhere(username, e);
        } catch (RuntimeException e) {
            return createdElsewhere(username, e);
        }
        if (generated) {
            LOG.warning(banner(username, password));
        } else {
            LOG.info(() -> "Created the bootstrap admin '" + username + "' with the configured password");
        }
        return true;
    }

    /** After a failed create: fine when another node made the admin meanwhile, a failure otherwise. */
    private boolean createdElsewhere(String username, RuntimeException failure) {
        if (directory.findByUsername(username).isPresent()) {
            LOG.info(() -> "The bootstrap admin '" + username + "' was created by another node");
            return false;
        }
        throw failure;
    }

    private static String banner(String username, String password) {
        String rule = "=".repeat(72);
        return String.join(System.lineSeparator(), "", rule,
                "  LATCHKEY BOOTSTRAP ADMIN CREATED",
                "  username: " + username,
                "  password: " + password,
                "  This password is shown only this once. Log in and change it now, or set",
                "  LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD before the first start of a new database.",
                rule);
    }
}

package dev.latchkey.identity.internal.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.internal.credential.PasswordHasher;
import dev.latchkey.identity.internal.credential.PasswordPolicy;
import dev.latchkey.identity.internal.domain.UserAccounts;
import dev.latchkey.identity.internal.fixtures.InMemoryUsers;
import dev.latchkey.identity.internal.fixtures.TestSettings;
import dev.latchkey.identity.internal.fixtures.TestUsers;
import dev.latchkey.identity.internal.config.IdentitySettings;
import dev.latchkey.kernel.api.ServerStarting;
import dev.latchkey.kernel.testing.RecordingEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BootstrapAdminTest {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    private final InMemoryUsers users = new InMemoryUsers();
    private final PasswordHasher hasher = new PasswordHasher(TestSettings.cheap());
    private final UserAccounts accounts = new UserAccounts(users, hasher, new PasswordPolicy(TestSettings.cheap()),
            new RecordingEvent<>());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord entry) {
            logged.add(entry);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        LOG.removeHandler(capture);
    }

    @Test
    void onStartWhenNoUserAndNoPasswordConfiguredThenAdminWithGeneratedPasswordLoggedOnce() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(accounts, TestSettings.bootstrap("admin", null));

        bootstrap.onStart(new ServerStarting());
        bootstrap.onStart(new ServerStarting());

        UserView admin = accounts.findByUsername("admin").orElseThrow();
        assertEquals(Set.of("admin"), admin.roles());
        List<LogRecord> warnings = logged.stream().filter(entry -> entry.getLevel() == Level.WARNING).toList();
        assertEquals(1, warnings.size());
        Matcher password = Pattern.compile("password: (\\S+)").matcher(warnings.get(0).getMessage());
        assertTrue(password.find(), warnings.get(0).getMessage());
        assertTrue(password.group(1).length() >= 20);
        assertTrue(warnings.get(0).getMessage().contains("LATCHKEY BOOTSTRAP ADMIN CREATED"));
        assertTrue(hasher.verify(password.group(1), users.passwordHash(admin.id()).orElseThrow()).matches());
        assertEquals(1, accounts.count());
    }

    @Test
    void createIfNoUserWhenPasswordConfiguredThenUsedAndNeverLogged() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(accounts, TestSettings.bootstrap("Root", "it-admin-password-1"));

        assertTrue(bootstrap.createIfNoUser());

        UserView admin = accounts.findByUsername("root").orElseThrow();
        assertTrue(hasher.verify("it-admin-password-1", users.passwordHash(admin.id()).orElseThrow()).matches());
        assertTrue(logged.stream().noneMatch(entry -> entry.getMessage().contains("it-admin-password-1")));
        assertTrue(logged.stream().noneMatch(entry -> entry.getLevel() == Level.WARNING));
    }

    @Test
    void createIfNoUserWhenUsersExistThenNothing() {
        accounts.create(TestUsers.alice());

        assertFalse(new BootstrapAdmin(accounts, TestSettings.bootstrap("admin", null)).createIfNoUser());
        assertTrue(accounts.findByUsername("admin").isEmpty());
        assertTrue(logged.isEmpty());
    }

    @Test
    void createIfNoUserWhenAnotherNodeCreatedItMeanwhileThenMovesOn() {
        UserAccounts racing = new UserAccounts(users, hasher, new PasswordPolicy(TestSettings.cheap()),
                new RecordingEvent<>()) {
            @Override
            public long count() {
                // this node saw an empty table; the other node inserts before this one does
                accounts.create(new NewUser("admin", null, false, null, null, null, "other-node-password", null,
                        Set.of("admin")));
                return 0;
            }
        };

        assertFalse(new BootstrapAdmin(racing, TestSettings.bootstrap("admin", null)).createIfNoUser());
        assertEquals(1, accounts.count());
        assertTrue(logged.stream().noneMatch(entry -> entry.getLevel() == Level.WARNING));
    }

    @Test
    void createIfNoUserWhenConfiguredPasswordTooShortThenStartupFailsNamingTheVariable() {
        IdentitySettings settings = TestSettings.bootstrap("admin", "short");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new BootstrapAdmin(accounts, settings).createIfNoUser());

        assertTrue(failure.getMessage().contains("LATCHKEY_BOOTSTRAP_ADMIN_PASSWORD"), failure.getMessage());
        assertEquals(0, accounts.count());
    }

    @Test
    void createIfNoUserWhenCreateFailsAndNoAdminExistsThenFailureRethrown() {
        UserAccounts broken = new UserAccounts(users, hasher, new PasswordPolicy(TestSettings.cheap()),
                new RecordingEvent<>()) {
            @Override
            public UserView create(NewUser user) {
                throw new IllegalStateException("database down");
            }
        };

        assertThrows(IllegalStateException.class,
                () -> new BootstrapAdmin(broken, TestSettings.bootstrap("admin", null)).createIfNoUser());
    }
}

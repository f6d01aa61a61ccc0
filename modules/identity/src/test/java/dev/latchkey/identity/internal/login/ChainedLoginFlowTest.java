package dev.latchkey.identity.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.password4j.BcryptFunction;
import dev.latchkey.identity.api.AuthenticationStep;
import dev.latchkey.identity.api.LoginContext;
import dev.latchkey.identity.api.LoginProgress;
import dev.latchkey.identity.api.NewUser;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.LoginFailed;
import dev.latchkey.identity.events.LoginSucceeded;
import dev.latchkey.identity.internal.credential.PasswordHasher;
import dev.latchkey.identity.internal.credential.PasswordPolicy;
import dev.latchkey.identity.internal.domain.LoginCandidate;
import dev.latchkey.identity.internal.domain.UserAccounts;
import dev.latchkey.identity.internal.fixtures.InMemoryUsers;
import dev.latchkey.identity.internal.fixtures.TestSettings;
import dev.latchkey.identity.internal.fixtures.TestUsers;
import dev.latchkey.kernel.api.DomainEvent;
import dev.latchkey.kernel.api.SecureTokens;
import dev.latchkey.kernel.testing.RecordingEphemeralStore;
import dev.latchkey.kernel.testing.RecordingEvent;
import dev.latchkey.kernel.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainedLoginFlowTest {

    private static final int MAX_FAILURES = 10;
    private static final LoginContext CONTEXT = new LoginContext("203.0.113.7", "test-agent", "web-app");

    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingEvent<DomainEvent> events = new RecordingEvent<>();
    private final CountingHasher hasher = new CountingHasher(TestSettings.cheap());
    private final UserAccounts accounts = new UserAccounts(users, hasher, new PasswordPolicy(TestSettings.cheap()),
            new RecordingEvent<>());
    private final TestClock clock = new TestClock();
    private final RecordingEphemeralStore store = new RecordingEphemeralStore(clock);
    private final List<AuthenticationStep> steps = new ArrayList<>();

    private final UserView alice = accounts.create(TestUsers.alice());

    private ChainedLoginFlow flow() {
        hasher.reset();
        return new ChainedLoginFlow(new PasswordAuthenticator(users, hasher),
                new LoginThrottle(store, TestSettings.throttle(MAX_FAILURES, 15)), new AuthenticationChain(steps),
                new PendingLogins(store), users, events);
    }

    @Test
    void startWhenPasswordRightAndNoStepThenCompletedWithPwdAndOneVerification() {
        LoginProgress progress = flow().start("alice", TestUsers.PASSWORD, CONTEXT);

        LoginProgress.Completed completed = assertInstanceOf(LoginProgress.Completed.class, progress);
        assertEquals(alice.id(), completed.userId());
        assertEquals(List.of("pwd"), completed.authenticationMethods());
        assertEquals(1, hasher.verifications);
        assertEquals(0, hasher.hashes);
        LoginSucceeded succeeded = events.of(LoginSucceeded.class).get(0);
        assertEquals(alice.id(), succeeded.userId());
        assertEquals("203.0.113.7", succeeded.remoteAddress());
        assertEquals("web-app", succeeded.clientId());
        assertEquals(1, events.fired().size());
    }

    @Test
    void startWhenUsernameInOtherCaseThenCompleted() {
        assertInstanceOf(LoginProgress.Completed.class, flow().start("ALICE", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void startWhenUnknownUserOrWrongPasswordThenSameFailureAndSameCost() {
        ChainedLoginFlow flow = flow();
        LoginProgress unknown = flow.start("mallory", TestUsers.PASSWORD, CONTEXT);
        int unknownCost = hasher.verifications;
        hasher.reset();
        LoginProgress wrong = flow.start("alice", "not the password", CONTEXT);

        assertEquals(new LoginProgress.Failed("invalid_credentials"), unknown);
        assertEquals(unknown, wrong);
        assertEquals(1, unknownCost);
        assertEquals(1, hasher.verifications);
        List<LoginFailed> failed = events.of(LoginFailed.class);
        assertEquals(List.of("mallory", "alice"), failed.stream().map(LoginFailed::username).toList());
        assertEquals(List.of("invalid_credentials", "invalid_credentials"),
                failed.stream().map(LoginFailed::reason).toList());
    }

    @Test
    void startWhenUsernameIsNotValidThenInvalidCredentialsAfterDummyCheck() {
        ChainedLoginFlow flow = flow();

        assertEquals(new LoginProgress.Failed("invalid_credentials"), flow.start("no such user!", "x", CONTEXT));
        assertEquals(new LoginProgress.Failed("invalid_credentials"), flow.start(null, null, null));
        assertEquals(2, hasher.verifications);
    }

    @Test
    void startWhenUserHasNoPasswordThenInvalidCredentials() {
        accounts.create(new NewUser("bob", null, false, null, null, null, null, null,
                null));

        assertEquals(new LoginProgress.Failed("invalid_credentials"), flow().start("bob", "anything", CONTEXT));
    }

    @Test
    void startWhenPasswordIsOverlongThenInvalidCredentials() {
        assertEquals(new LoginProgress.Failed("invalid_credentials"),
                flow().start("alice", "p".repeat(100_000), CONTEXT));
    }

    @Test
    void startWhenDisabledUserGivesRightPasswordThenAccountDisabled() {
        accounts.disable(alice.id());

        assertEquals(new LoginProgress.Failed("account_disabled"), flow().start("alice", TestUsers.PASSWORD, CONTEXT));
        assertEquals("account_disabled", events.of(LoginFailed.class).get(0).reason());
    }

    @Test
    void startWhenDisabledUserGivesWrongPasswordThenInvalidCredentials() {
        accounts.disable(alice.id());

        assertEquals(new LoginProgress.Failed("invalid_credentials"), flow().start("alice", "wrong password", CONTEXT));
    }

    @Test
    void startWhenHashUsesOldParametersThenRehashedOnceAndLoginStillWorks() {
        String old = new PasswordHasher(TestSettings.argon2(512, 2, 1)).hash(TestUsers.PASSWORD);
        users.setPasswordHash(alice.id(), old, alice.createdAt());
        ChainedLoginFlow flow = flow();

        assertInstanceOf(LoginProgress.Completed.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
        assertEquals(1, hasher.verifications);
        assertEquals(1, hasher.hashes);
        String upgraded = users.passwordHash(alice.id()).orElseThrow();
        assertNotEquals(old, upgraded);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=" + TestSettings.MEMORY_KIB + ",t=1,p=1$"));

        hasher.reset();
        assertInstanceOf(LoginProgress.Completed.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
        assertEquals(0, hasher.hashes);
    }

    @Test
    void startWhenRehashCannotBeStoredThenLoginStillCompleted() {
        String old = new PasswordHasher(TestSettings.argon2(512, 2, 1)).hash(TestUsers.PASSWORD);
        users.setPasswordHash(alice.id(), old, alice.createdAt());
        InMemoryUsers failingWrites = new InMemoryUsers() {
            @Override
            public Optional<LoginCandidate> findLoginCandidate(String username) {
                return users.findLoginCandidate(username);
            }

            @Override
            public boolean replacePasswordHash(UUID userId, String expected, String replacement, Instant at) {
                throw new IllegalStateException("database is read-only");
            }
        };
        PasswordAuthenticator authenticator = new PasswordAuthenticator(failingWrites, hasher);

        assertInstanceOf(LoginProgress.Completed.class, authenticator.authenticate("alice", TestUsers.PASSWORD));
        assertEquals(old, users.passwordHash(alice.id()).orElseThrow());
    }

    @Test
    void startWhenImportedBcryptThenVerifiedAndUpgradedToArgon2id() {
        users.setPasswordHash(alice.id(), BcryptFunction.getInstance(4).hash(TestUsers.PASSWORD).getResult(),
                alice.createdAt());

        assertInstanceOf(LoginProgress.Completed.class, flow().start("alice", TestUsers.PASSWORD, CONTEXT));
        assertTrue(users.passwordHash(alice.id()).orElseThrow().startsWith("$argon2id$"));
    }

    @Test
    void startWhenTooManyWrongPasswordsThenLockedWithoutCheckingEvenTheRightOne() {
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertEquals(new LoginProgress.Failed("invalid_credentials"), flow.start("Alice", "wrong password", CONTEXT));
        }
        hasher.reset();

        assertEquals(new LoginProgress.Failed("too_many_attempts"), flow.start("alice", TestUsers.PASSWORD, CONTEXT));
        assertEquals(0, hasher.verifications);
        assertEquals("too_many_attempts", events.of(LoginFailed.class).get(MAX_FAILURES).reason());

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertInstanceOf(LoginProgress.Completed.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void startWhenUnknownUsernameFailsTooOftenThenLockedAlike() {
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES; i++) {
            flow.start("mallory", "guess " + i, CONTEXT);
        }

        assertEquals(new LoginProgress.Failed("too_many_attempts"), flow.start("mallory", "guess", CONTEXT));
    }

    @Test
    void startWhenPasswordRightThenEarlierFailuresForgotten() {
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            flow.start("alice", "wrong password", CONTEXT);
        }
        assertInstanceOf(LoginProgress.Completed.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));

        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            assertEquals(new LoginProgress.Failed("invalid_credentials"), flow.start("alice", "wrong", CONTEXT));
        }
        assertInstanceOf(LoginProgress.Completed.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void startWhenDisabledUserGivesRightPasswordThenNotCountedAsFailure() {
        accounts.disable(alice.id());
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES + 1; i++) {
            assertEquals(new LoginProgress.Failed("account_disabled"), flow.start("alice", TestUsers.PASSWORD, CONTEXT));
        }
    }

    @Test
    void startWhenStepRequiredThenStepRequiredWithFlowStoredUnderHashedKey() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));

        LoginProgress.StepRequired required = assertInstanceOf(LoginProgress.StepRequired.class,
                flow().start("alice", TestUsers.PASSWORD, CONTEXT));

        assertEquals("totp", required.stepId());
        assertTrue(required.flowId().length() >= 43);
        assertEquals(List.of("login-flow:" + SecureTokens.hash(required.flowId())), pendingFlowKeys());
        assertTrue(events.fired().isEmpty(), "nothing is decided yet");
    }

    @Test
    void startWhenStepNotRequiredForUserThenCompleted() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(UUID.randomUUID()), "123456"));

        assertInstanceOf(LoginProgress.Completed.class, flow().start("alice", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void continueWithWhenCodeRightThenCompletedWithEveryMethod() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        LoginProgress progress = flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT);

        LoginProgress.Completed completed = assertInstanceOf(LoginProgress.Completed.class, progress);
        assertEquals(alice.id(), completed.userId());
        assertEquals(List.of("pwd", "otp"), completed.authenticationMethods());
        assertEquals(List.of("pwd", "otp"), events.of(LoginSucceeded.class).get(0).authenticationMethods());
        assertTrue(pendingFlowKeys().isEmpty(), "a completed flow is gone");
        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenTwoStepsThenRunInOrderOfOrder() {
        steps.add(new CodeStep("webauthn", 20, "hwk", Set.of(alice.id()), "signed"));
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        assertEquals(new LoginProgress.StepRequired(flowId, "webauthn"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
        LoginProgress.Completed completed = assertInstanceOf(LoginProgress.Completed.class,
                flow.continueWith(flowId, "webauthn", Map.of("code", "signed"), CONTEXT));
        assertEquals(List.of("pwd", "otp", "hwk"), completed.authenticationMethods());
    }

    @Test
    void continueWithWhenCodeWrongThenInvalidCodeAndRetryPossible() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        assertEquals(new LoginProgress.Failed("invalid_code"),
                flow.continueWith(flowId, "totp", Map.of("code", "000000"), CONTEXT));
        assertEquals("alice", events.of(LoginFailed.class).get(0).username());
        assertEquals("invalid_code", events.of(LoginFailed.class).get(0).reason());
        assertInstanceOf(LoginProgress.Completed.class,
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenFiveWrongCodesThenFlowDropped() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        for (int attempt = 1; attempt <= ChainedLoginFlow.MAX_FAILED_ATTEMPTS; attempt++) {
            assertEquals(new LoginProgress.Failed("invalid_code"),
                    flow.continueWith(flowId, "totp", Map.of("code", "000000"), CONTEXT), "attempt " + attempt);
        }

        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
        assertTrue(pendingFlowKeys().isEmpty());
    }

    @Test
    void continueWithWhenWrongCodesAcrossNewFlowsReachMaximumThenUsernameLocked() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES / ChainedLoginFlow.MAX_FAILED_ATTEMPTS; i++) {
            String flowId = started(flow).flowId();
            for (int attempt = 0; attempt < ChainedLoginFlow.MAX_FAILED_ATTEMPTS; attempt++) {
                flow.continueWith(flowId, "totp", Map.of("code", "000000"), CONTEXT);
            }
        }

        assertEquals(new LoginProgress.Failed("too_many_attempts"), flow.start("alice", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void continueWithWhenLockedMeanwhileThenTooManyAttemptsAndFlowDropped() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();
        for (int i = 0; i < MAX_FAILURES; i++) {
            flow.start("alice", "wrong password", CONTEXT);
        }

        assertEquals(new LoginProgress.Failed("too_many_attempts"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenLoginCompletesThenEarlierFailuresForgotten() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            flow.start("alice", "wrong password", CONTEXT);
        }
        String flowId = started(flow).flowId();
        assertInstanceOf(LoginProgress.Completed.class,
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));

        for (int i = 0; i < MAX_FAILURES - 1; i++) {
            flow.start("alice", "wrong password", CONTEXT);
        }
        assertInstanceOf(LoginProgress.StepRequired.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
    }

    @Test
    void continueWithWhenStepThrowsThenCountsAsWrongCode() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        assertEquals(new LoginProgress.Failed("invalid_code"),
                flow.continueWith(flowId, "totp", Map.of("code", "explode"), CONTEXT));
        assertEquals(new LoginProgress.Failed("invalid_code"), flow.continueWith(flowId, "totp", null, CONTEXT));
        assertInstanceOf(LoginProgress.Completed.class,
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenWrongStepIdThenLoginExpiredAndFlowDropped() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "webauthn", Map.of("code", "123456"), CONTEXT));
        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenUnknownOrMissingFlowThenLoginExpired() {
        ChainedLoginFlow flow = flow();

        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith("no-such-flow", "totp", Map.of(), CONTEXT));
        assertEquals(new LoginProgress.Failed("login_expired"), flow.continueWith(null, "totp", Map.of(), null));
        assertEquals(2, events.of(LoginFailed.class).size());
        assertEquals(null, events.of(LoginFailed.class).get(0).username());
    }

    @Test
    void continueWithWhenFlowOlderThanTenMinutesThenLoginExpired() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();

        clock.advance(PendingLogins.TIME_TO_LIVE.plus(Duration.ofSeconds(1)));

        assertEquals(new LoginProgress.Failed("login_expired"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenUserDisabledBetweenStepsThenAccountDisabled() {
        steps.add(new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456"));
        ChainedLoginFlow flow = flow();
        String flowId = started(flow).flowId();
        accounts.disable(alice.id());

        assertEquals(new LoginProgress.Failed("account_disabled"),
                flow.continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    @Test
    void continueWithWhenStepBeanIsGoneThenLoginExpired() {
        CodeStep totp = new CodeStep("totp", 10, "otp", Set.of(alice.id()), "123456");
        steps.add(totp);
        String flowId = started(flow()).flowId();
        steps.clear();

        assertEquals(new LoginProgress.Failed("login_expired"),
                flow().continueWith(flowId, "totp", Map.of("code", "123456"), CONTEXT));
    }

    private List<String> pendingFlowKeys() {
        return store.keys().stream().filter(key -> key.startsWith("login-flow:")).toList();
    }

    private LoginProgress.StepRequired started(ChainedLoginFlow flow) {
        return assertInstanceOf(LoginProgress.StepRequired.class, flow.start("alice", TestUsers.PASSWORD, CONTEXT));
    }
}

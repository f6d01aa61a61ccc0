package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.api.AuthenticationStep;
import dev.latchkey.identity.api.LoginContext;
import dev.latchkey.identity.api.LoginFlow;
import dev.latchkey.identity.api.LoginProgress;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.LoginFailed;
import dev.latchkey.identity.events.LoginSucceeded;
import dev.latchkey.identity.internal.domain.Users;
import dev.latchkey.kernel.api.DomainEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The login chain: the password first ({@link PasswordAuthenticator}), then every
 * {@link AuthenticationStep} the user must pass, one submission each, with the state between
 * submissions in {@link PendingLogins}. A wrong step answer keeps the login for another try, at
 * most {@value #MAX_FAILED_ATTEMPTS} per step; a wrong or expired flow ends it. Wrong passwords
 * and wrong step answers are counted per username ({@link LoginThrottle}) until a login
 * completes: a locked username is refused without a password check, and its pending steps too. Each submission publishes one {@link LoginSucceeded} or {@link LoginFailed}
 * from its outcome.
 */
@ApplicationScoped
public class ChainedLoginFlow implements LoginFlow {

    /** Failures of one step after which the login is dropped. */
    public static final int MAX_FAILED_ATTEMPTS = 5;
    /** The reason for an unknown, expired or tampered flow, or a step that is not the expected one. */
    public static final String LOGIN_EXPIRED = "login_expired";
    /** The reason for a wrong answer to a step. */
    public static final String INVALID_CODE = "invalid_code";
    /** The reason for a username locked after too many wrong passwords (known user or not). */
    public static final String TOO_MANY_ATTEMPTS = "too_many_attempts";

    private static final Set<String> COUNTED_FAILURES =
            Set.of(PasswordAuthenticator.INVALID_CREDENTIALS, INVALID_CODE);

    private static final Logger LOG = Logger.getLogger(ChainedLoginFlow.class.getName());

    private PasswordAuthenticator password;
    private LoginThrottle throttle;
    private AuthenticationChain chain;
    private PendingLogins pending;
    private Users users;
    private Event<DomainEvent> events;

    @Inject
    public ChainedLoginFlow(PasswordAuthenticator password, LoginThrottle throttle, AuthenticationChain chain,
                            PendingLogins pending, Users users, Event<DomainEvent> events) {
        this.password = password;
        this.throttle = throttle;
        this.chain = chain;
        this.pending = pending;
        this.users = users;
        this.events = events;
    }

    /** For CDI's client proxy only. */
    protected ChainedLoginFlow() {
    }

    @Override
    public LoginProgress start(String username, String secret, LoginContext context) {
        LoginProgress progress;
        if (throttle.isLocked(username)) {
            progress = new LoginProgress.Failed(TOO_MANY_ATTEMPTS);
        } else {
            progress = password.authenticate(username, secret);
            if (progress instanceof LoginProgress.Completed completed) {
                progress = afterPassword(completed, username, context);
            }
        }
        return concluded(progress, username, context);
    }

    @Override
    public LoginProgress continueWith(String flowId, String stepId, Map<String, String> input,
                                      LoginContext context) {
        Instant now = Instant.now();
        Optional<PendingLogin> taken = pending.take(flowId, now);
        String username = taken.map(PendingLogin::username).orElse(null);
        LoginProgress progress;
        if (taken.isEmpty()) {
            progress = new LoginProgress.Failed(LOGIN_EXPIRED);
        } else if (throttle.isLocked(username)) {
            // wrong codes count like wrong passwords: new flows cannot multiply the tries of a step
            progress = new LoginProgress.Failed(TOO_MANY_ATTEMPTS);
        } else {
            progress = next(flowId, taken.get(), stepId, input, now);
        }
        return concluded(progress, username, context);
    }

    /** Counts what the throttle counts and publishes the outcome, once per submission. */
    private LoginProgress concluded(LoginProgress progress, String username, LoginContext context) {
        if (progress instanceof LoginProgress.Completed) {
            throttle.reset(username);
        } else if (progress instanceof LoginProgress.Failed failed && COUNTED_FAILURES.contains(failed.reason())) {
            throttle.recordFailure(username);
        }
        publish(progress, username, context);
        return progress;
    }

    private LoginProgress afterPassword(LoginProgress.Completed completed, String username, LoginContext context) {
        List<String> steps = chain.requiredFor(completed.userId()).stream().map(AuthenticationStep::id).toList();
        if (steps.isEmpty()) {
            return completed;
        }
        LoginContext from = context == null ? new LoginContext(null, null, null) : context;
        PendingLogin login = new PendingLogin(completed.userId(), username, steps,
                completed.authenticationMethods(), from.remoteAddress(), from.userAgent(), from.clientId(), 0,
                completed.authenticatedAt().plus(PendingLogins.TIME_TO_LIVE));
        return new LoginProgress.StepRequired(pending.start(login), login.nextStep());
    }

    private LoginProgress next(String flowId, PendingLogin login, String stepId, Map<String, String> input,
                               Instant now) {
        Optional<AuthenticationStep> step = chain.find(login.nextStep());
        if (!login.nextStep().equals(stepId) || step.isEmpty()) {
            return new LoginProgress.Failed(LOGIN_EXPIRED);
        }
        if (!passes(step.get(), login, input)) {
            PendingLogin failed = login.withFailedAttempt();
            if (failed.failedAttempts() < MAX_FAILED_ATTEMPTS) {
                pending.keep(flowId, failed, now);
            }
            return new LoginProgress.Failed(INVALID_CODE);
        }
        PendingLogin passed = login.passed(step.get().authenticationMethod());
        if (!passed.allStepsPassed()) {
            pending.keep(flowId, passed, now);
            return new LoginProgress.StepRequired(flowId, passed.nextStep());
        }
        // the user may have been disabled since the password step
        if (!users.findById(login.userId()).map(UserView::isActive).orElse(false)) {
            return new LoginProgress.Failed(PasswordAuthenticator.ACCOUNT_DISABLED);
        }
        return new LoginProgress.Completed(login.userId(), passed.methods(), now);
    }

    private static boolean passes(AuthenticationStep step, PendingLogin login, Map<String, String> input) {
        try {
            return step.verify(login.userId(), input == null ? Map.of() : Map.copyOf(input));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Authentication step '" + step.id() + "' failed with an error", e);
            return false;
        }
    }

    private void publish(LoginProgress progress, String username, LoginContext context) {
        String remoteAddress = context == null ? null : context.remoteAddress();
        String clientId = context == null ? null : context.clientId();
        if (progress instanceof LoginProgress.Completed completed) {
            events.fire(LoginSucceeded.now(completed.userId(), completed.authenticationMethods(), remoteAddress,
                    clientId));
        } else if (progress instanceof LoginProgress.Failed failed) {
            events.fire(LoginFailed.now(username, failed.reason(), remoteAddress, clientId));
        }
    }
}

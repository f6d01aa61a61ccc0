package dev.latchkey.identity.internal.login;

import dev.latchkey.identity.api.AuthenticationStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps other modules contribute after the password ({@link AuthenticationStep} beans),
 * in their order. They are resolved once: every bean is known at deployment, and iterating an
 * {@code Instance} again would create a new instance of each dependent-scoped step every time.
 */
@ApplicationScoped
public class AuthenticationChain {

    private static final Comparator<AuthenticationStep> BY_ORDER =
            Comparator.comparingInt(AuthenticationStep::order).thenComparing(AuthenticationStep::id);

    private Iterable<AuthenticationStep> contributed;
    private volatile List<AuthenticationStep> steps;

    @Inject
    public AuthenticationChain(@Any Instance<AuthenticationStep> contributed) {
        this.contributed = contributed;
    }

    /** A chain of the given steps, without CDI. */
    AuthenticationChain(List<AuthenticationStep> contributed) {
        this.contributed = List.copyOf(contributed);
    }

    /** For CDI's client proxy only. */
    protected AuthenticationChain() {
    }

    /** The steps this user must pass after the password, in order. */
    public List<AuthenticationStep> requiredFor(UUID userId) {
        return steps().stream().filter(step -> step.isRequiredFor(userId)).toList();
    }

    /** The step with this id. */
    public Optional<AuthenticationStep> find(String id) {
        return steps().stream().filter(step -> step.id().equals(id)).findFirst();
    }

    private List<AuthenticationStep> steps() {
        List<AuthenticationStep> resolved = steps;
        if (resolved == null) {
            List<AuthenticationStep> all = new ArrayList<>();
            contributed.forEach(all::add);
            all.sort(BY_ORDER);
            resolved = List.copyOf(all);
            steps = resolved;
        }
        return resolved;
    }
}

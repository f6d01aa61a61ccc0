package dev.latchkey.oauth.internal.userinfo;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.oauth.internal.cache.ExpiringCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The users userinfo answers for, read from {@code identity} at most every {@link #TTL}, so a
 * client polling userinfo does not cost a database read per call. A user disabled or deleted on
 * this node is dropped at once; other nodes see it within the TTL. At most {@link #MAX_ENTRIES}
 * users are kept; unknown users are not.
 */
@ApplicationScoped
public class RecentUsers {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    private final ExpiringCache<UUID, UserView> entries = new ExpiringCache<>(MAX_ENTRIES);
    private UserDirectory users;
    private Clock clock;

    @Inject
    public RecentUsers(UserDirectory users) {
        this(users, Clock.systemUTC());
    }

    public RecentUsers(UserDirectory users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected RecentUsers() {
    }

    /** The user with this id, as read at most {@link #TTL} ago. */
    public Optional<UserView> find(UUID id) {
        return entries.getOrLoad(id, clock.instant(), TTL, users::findById);
    }

    void onUserDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDisabled event) {
        entries.remove(event.userId());
    }

    void onUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted event) {
        entries.remove(event.userId());
    }
}

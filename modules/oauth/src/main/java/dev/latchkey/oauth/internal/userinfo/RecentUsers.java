package dev.latchkey.oauth.internal.userinfo;

import dev.latchkey.identity.api.UserDirectory;
import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.identity.events.UserUpdated;
import dev.latchkey.kernel.api.ClusterBroadcast;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
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
 * client polling userinfo does not cost a database read per call. A user updated, disabled or
 * deleted on this node is dropped at once and broadcast ({@value #CHANGED}, the user id), so the
 * other nodes drop theirs; a node that missed broadcasts forgets every user. At most {@link #MAX_ENTRIES}
 * users are kept; unknown users are not.
 */
@ApplicationScoped
public class RecentUsers {

    static final Duration TTL = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 10_000;

    /** The broadcast topic of a changed user; the payload is the user id. */
    static final String CHANGED = "oauth.userinfo-user-changed";

    private final ExpiringCache<UUID, UserView> entries = new ExpiringCache<>(MAX_ENTRIES);
    private UserDirectory users;
    private ClusterBroadcast broadcast;
    private Clock clock;

    @Inject
    public RecentUsers(UserDirectory users, ClusterBroadcast broadcast) {
        this(users, broadcast, Clock.systemUTC());
    }

    public RecentUsers(UserDirectory users, ClusterBroadcast broadcast, Clock clock) {
        this.users = users;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    /** For CDI's client proxy only. */
    protected RecentUsers() {
    }

    /** The user with this id, as read at most {@link #TTL} ago. */
    public Optional<UserView> find(UUID id) {
        return entries.getOrLoad(id, clock.instant(), TTL, users::findById);
    }

    void onUserUpdated(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserUpdated event) {
        forgetEverywhere(event.userId());
    }

    void onUserDisabled(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDisabled event) {
        forgetEverywhere(event.userId());
    }

    void onUserDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) UserDeleted event) {
        forgetEverywhere(event.userId());
    }

    private void forgetEverywhere(UUID userId) {
        entries.remove(userId);
        broadcast.publish(CHANGED, userId.toString());
    }

    /** Drops a user another node changed. */
    void onBroadcast(@Observes ClusterMessage message) {
        if (!message.fromThisNode() && message.topic().equals(CHANGED)) {
            entries.remove(UUID.fromString(message.payload()));
        }
    }

    void onMissedBroadcasts(@Observes ClusterMessagesMissed missed) {
        entries.clear();
    }
}

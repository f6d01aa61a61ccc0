package dev.latchkey.oauth.internal.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.latchkey.identity.api.UserView;
import dev.latchkey.identity.events.UserDeleted;
import dev.latchkey.identity.events.UserDisabled;
import dev.latchkey.identity.events.UserUpdated;
import dev.latchkey.kernel.api.ClusterMessage;
import dev.latchkey.kernel.api.ClusterMessagesMissed;
import dev.latchkey.kernel.testing.RecordingBroadcast;
import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.TestUsers;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentUsersTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final TestUsers directory = new TestUsers() {
        @Override
        public Optional<UserView> findById(UUID id) {
            reads.incrementAndGet();
            return super.findById(id);
        }
    }.with(TestUsers.alice());
    private final TestClock clock = new TestClock();
    private final RecordingBroadcast broadcast = new RecordingBroadcast();
    private final RecentUsers users = new RecentUsers(directory, broadcast, clock);
    private final UUID alice = TestUsers.alice().id();

    @Test
    void findWhenReadWithinTtlThenNoSecondRead() {
        users.find(alice);
        users.find(alice);
        assertEquals(1, reads.get());
        clock.advance(RecentUsers.TTL);
        users.find(alice);
        assertEquals(2, reads.get());
    }

    @Test
    void findWhenDisabledHereThenReadAgainAtOnce() {
        users.find(alice);
        directory.with(TestUsers.disabled(TestUsers.alice()));
        users.onUserDisabled(UserDisabled.now(alice));
        assertFalse(users.find(alice).orElseThrow().isActive());
    }

    @Test
    void findWhenDeletedHereThenGoneAtOnce() {
        users.find(alice);
        directory.remove(alice);
        users.onUserDeleted(UserDeleted.now(alice));
        assertFalse(users.find(alice).isPresent());
    }

    @Test
    void findWhenUpdatedHereThenReadAgainAndTheOtherNodesTold() {
        users.find(alice);
        users.onUserUpdated(UserUpdated.now(alice));
        users.find(alice);
        assertEquals(2, reads.get());
        assertEquals(List.of(new ClusterMessage(RecentUsers.CHANGED, alice.toString(), true)), broadcast.published());
    }

    @Test
    void findWhenChangedOnAnotherNodeThenReadAgain() {
        users.find(alice);
        users.onBroadcast(new ClusterMessage(RecentUsers.CHANGED, alice.toString(), true));
        users.onBroadcast(new ClusterMessage("oauth.something-else", alice.toString(), false));
        users.find(alice);
        assertEquals(1, reads.get(), "its own message and other topics change nothing");
        users.onBroadcast(new ClusterMessage(RecentUsers.CHANGED, alice.toString(), false));
        users.find(alice);
        assertEquals(2, reads.get());
    }

    @Test
    void findWhenBroadcastsMissedThenEveryUserReadAgain() {
        users.find(alice);
        users.onMissedBroadcasts(ClusterMessagesMissed.now());
        users.find(alice);
        assertEquals(2, reads.get());
    }

    @Test
    void findWhenUnknownThenNotKept() {
        UUID nobody = UUID.randomUUID();
        users.find(nobody);
        users.find(nobody);
        assertEquals(2, reads.get());
    }

    @Test
    void findWhenFullThenEmptiedAndStillServes() {
        for (int i = 0; i < RecentUsers.MAX_ENTRIES; i++) {
            UserView user = TestUsers.alice();
            directory.with(new UserView(new UUID(1, i), "u" + i, null, false, null, null, null, user.status(),
                    user.roles(), user.createdAt(), user.updatedAt()));
            users.find(new UUID(1, i));
        }
        assertEquals("alice", users.find(alice).orElseThrow().username());
    }
}

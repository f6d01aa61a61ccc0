package dev.latchkey.oauth.internal.registration;

import static dev.latchkey.oauth.internal.fixtures.OAuthAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.kernel.testing.TestClock;
import dev.latchkey.oauth.internal.fixtures.InMemoryInitialAccessTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InitialAccessTokenServiceTest {

    private final TestClock clock = new TestClock();
    private final InitialAccessTokenService service = new InitialAccessTokenService(new InMemoryInitialAccessTokens(),
            clock);

    @Test
    void issueWhenNoValuesThenOneRegistrationForADay() {
        IssuedInitialAccessToken issued = service.issue(null, null);
        assertEquals(43, issued.value().length());
        assertEquals(1, issued.token().remaining());
        assertEquals(TestClock.START.plus(Duration.ofDays(1)), issued.token().expiresAt());
        assertEquals(List.of(issued.token()), service.list());
    }

    @Test
    void issueWhenOutOfRangeThenValidationProblemAndNothingIssued() {
        assertProblem(400, () -> service.issue(0L, 1));
        assertProblem(400, () -> service.issue(-5L, 1));
        assertProblem(400, () -> service.issue(Duration.ofDays(366).toSeconds(), 1));
        assertProblem(400, () -> service.issue(60L, 0));
        assertProblem(400, () -> service.issue(60L, 10_001));
        assertEquals(List.of(), service.list());
    }

    @Test
    void consumeWhenRegistrationsLeftThenTrueUntilUsedUp() {
        IssuedInitialAccessToken issued = service.issue(60L, 2);
        assertTrue(service.consume(issued.value()));
        assertTrue(service.consume(issued.value()));
        assertFalse(service.consume(issued.value()));
        assertEquals(0, service.list().get(0).remaining());
    }

    @Test
    void consumeWhenExpiredOrUnknownThenFalse() {
        IssuedInitialAccessToken issued = service.issue(60L, 5);
        assertFalse(service.consume("not-a-token"));
        clock.advance(Duration.ofSeconds(60));
        assertFalse(service.consume(issued.value()));
        assertEquals(5, service.list().get(0).remaining());
    }

    @Test
    void deleteThenTheTokenNoLongerRegistersAndASecondDeleteIs404() {
        IssuedInitialAccessToken issued = service.issue(60L, 5);
        service.delete(issued.token().id());
        assertFalse(service.consume(issued.value()));
        assertProblem(404, () -> service.delete(issued.token().id()));
        assertProblem(404, () -> service.delete(UUID.randomUUID()));
    }

    @Test
    void listThenNewestFirst() {
        IssuedInitialAccessToken first = service.issue(60L, 1);
        clock.advance(Duration.ofSeconds(1));
        IssuedInitialAccessToken second = service.issue(60L, 1);
        assertEquals(List.of(second.token().id(), first.token().id()),
                service.list().stream().map(InitialAccessToken::id).toList());
    }
}

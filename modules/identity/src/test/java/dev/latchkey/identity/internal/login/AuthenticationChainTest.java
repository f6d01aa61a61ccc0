package dev.latchkey.identity.internal.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.latchkey.identity.api.AuthenticationStep;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuthenticationChainTest {

    private final UUID user = UUID.randomUUID();

    @Test
    void requiredForWhenStepsContributedThenSortedByOrderThenIdAndFilteredByUser() {
        AuthenticationChain chain = new AuthenticationChain(List.of(
                new CodeStep("webauthn", 20, "hwk", Set.of(user), "x"),
                new CodeStep("totp", 10, "otp", Set.of(user), "x"),
                new CodeStep("backup", 10, "otp", Set.of(user), "x"),
                new CodeStep("sms", 5, "sms", Set.of(), "x")));

        assertEquals(List.of("backup", "totp", "webauthn"),
                chain.requiredFor(user).stream().map(AuthenticationStep::id).toList());
        assertTrue(chain.requiredFor(UUID.randomUUID()).isEmpty());
    }

    @Test
    void findWhenIdKnownThenStepElseEmpty() {
        AuthenticationChain chain = new AuthenticationChain(List.of(new CodeStep("totp", 10, "otp", Set.of(), "x")));

        assertEquals("totp", chain.find("totp").orElseThrow().id());
        assertTrue(chain.find("sms").isEmpty());
    }
}

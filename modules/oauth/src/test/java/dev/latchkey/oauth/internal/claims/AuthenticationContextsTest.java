package dev.latchkey.oauth.internal.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationContextsTest {

    @Test
    void assertedWhenPasswordLoginThenPasswordClass() {
        assertEquals(AuthenticationContexts.PASSWORD, AuthenticationContexts.asserted(List.of("pwd"), List.of()));
        assertEquals(AuthenticationContexts.PASSWORD, AuthenticationContexts.asserted(List.of("pwd", "otp"), List.of()));
    }

    @Test
    void assertedWhenRequestedClassesUnknownThenTheAchievedOne() {
        assertEquals(AuthenticationContexts.PASSWORD,
                AuthenticationContexts.asserted(List.of("pwd"), List.of("urn:mace:incommon:iap:silver", "0")));
    }

    @Test
    void assertedWhenRequestedClassSatisfiedThenThatOne() {
        assertEquals(AuthenticationContexts.PASSWORD,
                AuthenticationContexts.asserted(List.of("pwd"), List.of("urn:other", AuthenticationContexts.PASSWORD)));
    }

    @Test
    void assertedWhenNoKnownMethodThenNothing() {
        assertNull(AuthenticationContexts.asserted(List.of(), List.of(AuthenticationContexts.PASSWORD)));
        assertNull(AuthenticationContexts.asserted(List.of("otp"), List.of()));
    }
}

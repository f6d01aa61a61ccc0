package dev.latchkey.oauth.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationHeaderTest {

    @Test
    void credentialsWhenSchemeMatchesInAnyCaseThenTheRest() {
        assertEquals(Optional.of("abc"), AuthorizationHeader.credentials("Bearer abc", "Bearer"));
        assertEquals(Optional.of("abc"), AuthorizationHeader.credentials("bEARER  abc ", "Bearer"));
        assertEquals(Optional.of(""), AuthorizationHeader.credentials("Basic ", "Basic"));
    }

    @Test
    void credentialsWhenAbsentOrOtherSchemeThenEmpty() {
        assertFalse(AuthorizationHeader.credentials(null, "Bearer").isPresent());
        assertFalse(AuthorizationHeader.credentials("Bearer", "Bearer").isPresent());
        assertFalse(AuthorizationHeader.credentials("Bearerabc", "Bearer").isPresent());
        assertFalse(AuthorizationHeader.credentials("Basic abc", "Bearer").isPresent());
    }
}

package dev.latchkey.identity.api;

import java.util.Map;
import java.util.UUID;

/**
 * The SPI of the login chain: a CDI bean implementing it adds a step after the password (a
 * TOTP code, a passkey). {@code identity} discovers the steps with {@code Instance} and never
 * knows the modules that contribute them.
 */
public interface AuthenticationStep {

    /** A stable id used in forms and templates, e.g. {@code "totp"}. */
    String id();

    /** Position in the chain; lower runs first. The password step is 0. */
    int order();

    /** The RFC 8176 {@code amr} value this step adds, e.g. {@code "otp"}. */
    String authenticationMethod();

    /** True when this user must pass this step (e.g. has enrolled TOTP). */
    boolean isRequiredFor(UUID userId);

    /** Checks what the user submitted for this step. */
    boolean verify(UUID userId, Map<String, String> input);
}

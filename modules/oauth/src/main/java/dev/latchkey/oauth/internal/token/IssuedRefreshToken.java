package dev.latchkey.oauth.internal.token;

import java.util.UUID;

/** A new refresh token in clear (shown to the client once) and its family. */
public record IssuedRefreshToken(String value, UUID familyId) {
}

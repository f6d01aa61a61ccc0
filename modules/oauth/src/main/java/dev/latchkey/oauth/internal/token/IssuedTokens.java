package dev.latchkey.oauth.internal.token;

import java.util.UUID;

/** A successful token response and the user it was issued for (null for client credentials). */
public record IssuedTokens(TokenResponse response, UUID userId) {
}

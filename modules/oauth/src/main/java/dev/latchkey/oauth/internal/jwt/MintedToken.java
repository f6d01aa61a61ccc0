package dev.latchkey.oauth.internal.jwt;

import java.time.Instant;

/** A signed token and when it expires. */
public record MintedToken(String value, Instant expiresAt) {
}

package dev.latchkey.oauth.internal.registration;

import java.time.Instant;
import java.util.UUID;

/**
 * An initial access token as stored (its value only as SHA-256): it allows {@code remaining}
 * more dynamic registrations until {@code expiresAt}.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc7591#section-3">RFC 7591 §3</a>
 */
public record InitialAccessToken(UUID id, Instant createdAt, Instant expiresAt, int remaining) {
}

package dev.latchkey.identity.internal.domain;

import dev.latchkey.identity.api.UserStatus;
import java.util.UUID;

/** What a password login needs to know of a user, read in one query: id, status and password hash. */
public record LoginCandidate(UUID userId, UserStatus status, String passwordHash) {
}

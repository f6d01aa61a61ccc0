package dev.latchkey.oauth.internal.jwt;

import dev.latchkey.oauth.internal.protocol.Scope;
import java.time.Instant;

/** The claims of an access token whose signature, issuer, type and expiry were checked. */
public record VerifiedAccessToken(String subject, String clientId, Scope scope, Instant expiresAt) {
}

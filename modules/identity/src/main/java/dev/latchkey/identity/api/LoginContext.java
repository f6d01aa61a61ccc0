package dev.latchkey.identity.api;

/** Where a login attempt comes from, for brute-force protection and the audit trail. */
public record LoginContext(String remoteAddress, String userAgent, String clientId) {
}

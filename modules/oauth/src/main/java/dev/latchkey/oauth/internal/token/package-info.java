/**
 * The token endpoint (RFC 6749 §3.2): one {@link dev.latchkey.oauth.internal.token.GrantHandler}
 * per grant type, looked up in a map; opaque refresh tokens with rotation and reuse detection.
 * Publishes {@link dev.latchkey.oauth.events.TokensIssued} and
 * {@link dev.latchkey.oauth.events.TokenRequestRefused}; listens to client, session and user
 * events to revoke refresh tokens.
 */
package dev.latchkey.oauth.internal.token;

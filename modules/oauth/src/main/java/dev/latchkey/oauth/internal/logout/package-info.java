/**
 * Logout: OpenID Connect RP-Initiated Logout (the end-session endpoint's rules, behind the
 * server's {@code /logout} pages) and Back-Channel Logout (logout tokens posted to the clients of
 * a session that ended, and the record of those that could not be delivered).
 */
package dev.latchkey.oauth.internal.logout;

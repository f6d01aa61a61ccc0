/**
 * The authorization endpoint's protocol code (RFC 6749 §4.1.1, OIDC Core §3.1.2). A request is
 * checked in three steps: first the client and its redirect URI, whose failures are shown as an
 * error page because there is nowhere safe to redirect to (RFC 6749 §4.1.2.1); then one small
 * {@link dev.latchkey.oauth.internal.authorize.AuthorizationRequestValidator} per rule, whose
 * failures are redirected to the client; last the user's session, which either yields a code or
 * sends the browser to the login page and back.
 *
 * @see <a href="https://datatracker.ietf.org/doc/html/rfc6749#section-4.1">RFC 6749 §4.1</a>
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#AuthorizationEndpoint">OIDC Core §3.1.2</a>
 */
package dev.latchkey.oauth.internal.authorize;

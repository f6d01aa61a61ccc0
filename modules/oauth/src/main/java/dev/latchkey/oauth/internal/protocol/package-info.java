/**
 * What every OAuth endpoint shares: the error type of RFC 6749 §5.2 / RFC 6750 §3.1, scopes,
 * and the parameter rules of RFC 6749 §3.
 */
package dev.latchkey.oauth.internal.protocol;

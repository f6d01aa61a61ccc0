/**
 * Client authentication at the token endpoint (RFC 6749 §2.3): {@code client_secret_basic},
 * {@code client_secret_post}, {@code none}.
 */
package dev.latchkey.oauth.internal.clientauth;

/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3,
 * RFC 7523 §2.2, OIDC Core §9): {@code client_secret_basic}, {@code client_secret_post},
 * {@code client_secret_jwt}, {@code private_key_jwt}, {@code none}.
 */
package dev.latchkey.oauth.internal.clientauth;

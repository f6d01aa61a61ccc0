/**
 * The public keys clients register ({@code jwks} by value or {@code jwks_uri}) and the check of a
 * client's JWS signature with them: shared by {@code private_key_jwt} client authentication
 * (RFC 7523 §2.2) and signed request objects (OIDC Core §6.1).
 */
package dev.latchkey.oauth.internal.clientkeys;

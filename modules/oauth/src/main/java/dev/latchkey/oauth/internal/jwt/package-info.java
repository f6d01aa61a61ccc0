/**
 * Minting and checking JWTs: RFC 9068 access tokens (ES256), OIDC ID tokens (RS256, ES256, PS256 or EdDSA, per client) with
 * {@code at_hash}, and the cached verifier of our own access tokens.
 */
package dev.latchkey.oauth.internal.jwt;

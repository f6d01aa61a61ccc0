/**
 * Signing keys: generated once, private halves encrypted at rest, kept in memory as signers,
 * verifiers and the public JWK set.
 */
package dev.latchkey.oauth.internal.keys;

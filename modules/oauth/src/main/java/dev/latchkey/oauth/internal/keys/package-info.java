/**
 * Signing keys: generated per algorithm, private halves encrypted at rest, kept in memory as
 * signers, verifiers and the public JWK set; rotated next → active → retired, a retired key
 * verifying until the tokens it signed have expired.
 */
package dev.latchkey.oauth.internal.keys;

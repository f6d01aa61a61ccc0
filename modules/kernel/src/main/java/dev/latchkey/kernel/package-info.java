/**
 * The kernel owns configuration shared by all modules (public URL, data directory, Redis),
 * the base domain-event type, identifiers and secure random tokens, the master AEAD that
 * encrypts secrets at rest (Tink) and the short-lived key-value store (in-process by
 * default, Redis when {@code LATCHKEY_REDIS_URL} is set). It owns no tables and listens to
 * no module.
 */
package dev.latchkey.kernel;

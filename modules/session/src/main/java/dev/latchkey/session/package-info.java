/**
 * Session owns the single-sign-on sessions a login cookie points at: kept in the kernel's
 * ephemeral store (in-process or Redis), under the SHA-256 of the cookie value, with idle and
 * absolute timeouts. It owns no tables; it listens to no module yet.
 */
package dev.latchkey.session;

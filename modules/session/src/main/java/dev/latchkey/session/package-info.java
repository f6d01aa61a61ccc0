/**
 * Session owns the single-sign-on sessions a login cookie points at, kept in the kernel's
 * ephemeral store (in-process, or Redis when {@code LATCHKEY_REDIS_URL} is set), with idle and
 * absolute timeouts, a per-user limit, the devices each user logged in from, and the clients
 * bound to each session. It owns no tables and listens to no module. Keys:
 * <ul>
 *   <li>{@code session:<id>}: the session (JSON), living for the idle timeout, never past the absolute end;</li>
 *   <li>{@code session-cookie:<sha256(cookie value)>}: the id the cookie opens, with the same time to live;</li>
 *   <li>{@code session-clients:<id>}: the set of clients bound to the session, until its absolute end;</li>
 *   <li>{@code session-user:<user id>}: the set of the user's session ids, for the absolute lifetime after
 *       the user's latest new session (pruned of sessions that are gone at the user's next login or listing);</li>
 *   <li>{@code session-devices:<user id>}: the user's known devices (at most 32), for the known-device
 *       lifetime after the user's latest login.</li>
 * </ul>
 * It publishes {@link dev.latchkey.session.events.SessionStarted},
 * {@link dev.latchkey.session.events.SessionEnded}, {@link dev.latchkey.session.events.SessionLimitReached}
 * and {@link dev.latchkey.session.events.NewDeviceLogin}.
 */
package dev.latchkey.session;

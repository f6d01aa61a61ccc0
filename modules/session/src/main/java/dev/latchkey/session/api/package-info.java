/** The session facade {@link dev.latchkey.session.api.SsoSessions} and its value types. */
package dev.latchkey.session.api;

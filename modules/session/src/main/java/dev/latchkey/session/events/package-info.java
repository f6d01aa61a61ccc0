/** Events the session module publishes. */
package dev.latchkey.session.events;

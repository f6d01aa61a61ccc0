/** Events identity publishes: users created, changed, deleted; logins succeeded and failed. */
package dev.latchkey.identity.events;

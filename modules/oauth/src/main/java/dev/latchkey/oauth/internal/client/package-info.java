/**
 * Registered clients: their rules ({@link dev.latchkey.oauth.internal.client.ClientValidator}),
 * secrets stored as SHA-256, the admin/import service and the in-memory lookup the protocol code
 * uses. Publishes {@link dev.latchkey.oauth.events.ClientChanged}.
 */
package dev.latchkey.oauth.internal.client;

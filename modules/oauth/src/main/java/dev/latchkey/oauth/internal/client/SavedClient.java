package dev.latchkey.oauth.internal.client;

/**
 * A client after a create or an update, with the secret in clear when this call generated or
 * set one: the only time it is ever shown. Null otherwise.
 */
public record SavedClient(StoredClient client, String secret) {
}

package dev.latchkey.oauth.internal.resource;

/**
 * Fired inside the transaction that created, changed or deleted a resource server, so that the
 * {@link ResourceServerCatalog} of this node reloads once the change is committed. Internal to the
 * module: no other module cares about resource servers.
 */
record ResourceServersChanged(String identifier) {
}
